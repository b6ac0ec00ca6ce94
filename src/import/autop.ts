// WordPress's wpautop (wp-includes/formatting.php, GPL) ported step by step: classic-editor posts are
// stored without <p>, and WordPress adds them when it shows a post. The steps and their order are
// WordPress's; each regular expression that could backtrack over a long run of spaces or a long line
// (`\s*<option`, `<p>(<li.+?)</p>`, `(?<!<br />)\s*\n`) is replaced by a scan that gives the same
// result in linear time, since an imported post is untrusted and may be megabytes long.
// PHP's `\s` (no /u) is [ \t\n\v\f\r]: unlike JavaScript's it does not match U+00A0 or U+3000, which
// Chinese posts use as indents, so WS below spells it out.

const WS = "[ \\t\\n\\v\\f\\r]";
const ALLBLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";
// The rest of a tag, as WordPress's `[^>]*>` reads it: stopping at "<" too keeps the scan from each of
// many unclosed "<div" to the end linear; a newline placeholder (" <!-- wpnl --> ") ends the tag at its
// ">" just as `[^>]*>` does. Only a block tag with a raw "<" in an attribute reads differently.
const REST = "[^<>]*(?:<!-- wpnl -->|>)";
const isWs = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";

/** Paragraphs from blank lines and `<br />` from single newlines, outside `<pre>` and around block tags, as WordPress shows a post. */
export function autop(text: string, br = true): string {
  if (phpTrim(text) === "") return "";
  // Just to make things a little easier, pad the end.
  text += "\n";

  // Pre tags shouldn't be touched by autop: placeholders now, their content back at the end.
  const preTags = new Map<string, string>();
  if (text.includes("<pre")) {
    const parts = text.split("</pre>");
    const last = parts.pop()!;
    let out = "";
    let i = 0;
    for (const part of parts) {
      const start = part.indexOf("<pre");
      if (start < 0) {
        // Malformed HTML: WordPress drops this </pre>, and so does its port.
        out += part;
        continue;
      }
      const name = `<pre wp-pre-tag-${i}></pre>`;
      preTags.set(name, part.slice(start) + "</pre>");
      out += part.slice(0, start) + name;
      i++;
    }
    text = out + last;
  }
  // Change multiple <br>s into two line breaks, which will turn into paragraphs.
  text = text.replace(new RegExp(`<br${WS}*/?>${WS}*<br${WS}*/?>`, "g"), "\n\n");
  // Add a double line break above block-level opening tags, below closing tags, and after <hr>.
  text = text.replace(new RegExp(`(<${ALLBLOCKS}[ \\t\\n\\v\\f\\r/>])`, "g"), "\n\n$1");
  text = text.replace(new RegExp(`(</${ALLBLOCKS}>)`, "g"), "$1\n\n");
  text = text.replace(new RegExp(`(<hr${WS}*?/?>)`, "g"), "$1\n\n");
  // Standardize newline characters to "\n".
  text = text.replace(/\r\n|\r/g, "\n");
  // Find newlines in all elements and add placeholders.
  text = replaceNewlinesInTags(text);

  // Collapse line breaks around <option>, inside <object>, around <source>/<track> and <figcaption>.
  if (text.includes("<option")) {
    text = trimAround(text, /<option/g, true, false);
    text = trimAround(text, /<\/option>/g, false, true);
  }
  if (text.includes("</object>")) {
    text = trimAround(text, /<object[^<>]*>/g, false, true);
    text = trimAround(text, /<\/object>/g, true, false);
    text = trimAround(text, /<\/?(?:param|embed)[^<>]*>/g, true, true);
  }
  if (text.includes("<source") || text.includes("<track")) {
    text = trimAround(text, /[<[](?:audio|video)[^<>[\]]*[>\]]/g, false, true);
    text = trimAround(text, /[<[]\/(?:audio|video)[>\]]/g, true, false);
    text = trimAround(text, /<(?:source|track)[^<>]*>/g, true, true);
  }
  if (text.includes("<figcaption")) {
    text = trimAround(text, /<figcaption[^<>]*>/g, true, false);
    text = trimAround(text, /<\/figcaption>/g, false, true);
  }
  // Remove more than two contiguous line breaks.
  text = text.replace(/\n\n+/g, "\n\n");
  // Split into paragraphs at double line breaks, and wrap each in <p>.
  text = text
    .split(new RegExp(`\\n${WS}*\\n`))
    .filter((p) => p !== "")
    .map((p) => `<p>${trimChars(p, "\n")}</p>\n`)
    .join("");

  // Under certain strange conditions it could create a P of entirely whitespace.
  text = text.replace(new RegExp(`<p>${WS}*</p>`, "g"), "");
  // Add a closing <p> inside <div>, <address>, or <form> tag if missing.
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  // If an opening or closing block element tag is wrapped in a <p>, unwrap it.
  text = text.replace(new RegExp(`<p>${WS}*(</?${ALLBLOCKS}${REST})${WS}*</p>`, "g"), "$1");
  // In some cases <li> may get wrapped in <p>, fix them.
  text = unwrapListItems(text);
  // If a <blockquote> is wrapped with a <p>, move it inside the <blockquote>.
  text = text
    .replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>")
    .replaceAll("</blockquote></p>", "</p></blockquote>");
  // If an opening or closing block element tag is preceded by an opening <p>, or followed by a closing </p>, remove it.
  text = text.replace(new RegExp(`<p>${WS}*(</?${ALLBLOCKS}${REST})`, "g"), "$1");
  text = text.replace(new RegExp(`(</?${ALLBLOCKS}${REST})${WS}*</p>`, "g"), "$1");

  if (br) {
    // Newlines in <script>, <style> and <svg> are kept as they are.
    text = preserveNewlines(text);
    text = text.replaceAll("<br>", "<br />").replaceAll("<br/>", "<br />");
    text = breakLines(text);
    text = text.replaceAll("<WPPreserveNewline />", "\n");
  }
  // If a <br /> tag is after an opening or closing block tag, or before some of them, remove it.
  text = text.replace(new RegExp(`(</?${ALLBLOCKS}${REST})${WS}*<br />`, "g"), "$1");
  text = text.replace(new RegExp(`<br />(${WS}*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)${REST})`, "g"), "$1");
  text = text.replace(/\n<\/p>$/, "</p>");

  if (preTags.size > 0) text = text.replace(/<pre wp-pre-tag-\d+><\/pre>/g, (name) => preTags.get(name) ?? name);
  if (text.includes("<!-- wpnl -->")) text = text.replaceAll(" <!-- wpnl --> ", "\n").replaceAll("<!-- wpnl -->", "\n");
  return text;
}

/** PHP's trim(): " \t\n\r\0\x0B" at both ends. */
function phpTrim(s: string): string {
  return trimChars(s, " \t\n\r\0\v");
}

/** `s` without the characters of `chars` at either end (a `/x+$/` regex would rescan a long inner run from each of its characters). */
function trimChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start]!)) start++;
  while (end > start && chars.includes(s[end - 1]!)) end--;
  return s.slice(start, end);
}

/**
 * wp_replace_in_html_tags($text, ["\n" => " <!-- wpnl --> "]): newlines inside tags and comments
 * become placeholders. Elements are found as wp_html_split finds them: a comment runs to "-->", a
 * CDATA section to "]]>", any other "<" to the next ">" (or the end).
 */
function replaceNewlinesInTags(text: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = text.indexOf("<", at);
    if (open < 0) break;
    let end: number;
    if (text.startsWith("<!--", open)) end = closeAfter(text, "-->", open + 4);
    else if (text.startsWith("<![CDATA[", open)) end = closeAfter(text, "]]>", open + 9);
    else {
      const close = text.indexOf(">", open + 1);
      end = close < 0 ? text.length : close + 1;
    }
    out += text.slice(at, open) + text.slice(open, end).replaceAll("\n", " <!-- wpnl --> ");
    at = end;
  }
  return out + text.slice(at);
}

function closeAfter(text: string, marker: string, from: number): number {
  const i = text.indexOf(marker, from);
  return i < 0 ? text.length : i + marker.length;
}

/** `preg_replace('|\s*(X)\s*|', '$1')` with either side optional, without re-scanning a whitespace run from each of its characters. */
function trimAround(text: string, tag: RegExp, before: boolean, after: boolean): string {
  let out = "";
  let at = 0;
  for (const m of text.matchAll(tag)) {
    if (m.index < at) continue;
    let head = text.slice(at, m.index);
    if (before) {
      let cut = head.length;
      while (cut > 0 && isWs(head[cut - 1])) cut--;
      head = head.slice(0, cut);
    }
    out += head + m[0];
    at = m.index + m[0].length;
    if (after) while (at < text.length && isWs(text[at])) at++;
  }
  return out + text.slice(at);
}

/** `preg_replace('|<p>(<li.+?)</p>|', '$1')`: "." stops at a newline, so the match is the first "</p>" on the line at least one character past "<li". */
function unwrapListItems(text: string): string {
  let out = "";
  let at = 0;
  let nextClose = -2; // cached position of the next "</p>" at or after the last query
  let nextLine = -2;
  const after = (needle: string, from: number, cached: number) =>
    cached >= from || cached === -1 ? cached : text.indexOf(needle, from);
  for (;;) {
    const start = text.indexOf("<p><li", at);
    if (start < 0) break;
    const from = start + 3 + 4; // "<li" and at least one character more
    nextClose = after("</p>", from, nextClose);
    nextLine = after("\n", start + 3, nextLine);
    if (nextClose < 0 || (nextLine >= 0 && nextLine < nextClose)) {
      out += text.slice(at, start + 1);
      at = start + 1;
      continue;
    }
    out += text.slice(at, start) + text.slice(start + 3, nextClose);
    at = nextClose + 4;
  }
  return out + text.slice(at);
}

/** `/<(script|style|svg).*?<\/\1>/s`: their newlines become placeholders, found by indexOf. */
function preserveNewlines(text: string): string {
  let out = "";
  let at = 0;
  const open = /<(script|style|svg)/g;
  for (;;) {
    open.lastIndex = at;
    const m = open.exec(text);
    if (!m) break;
    const close = text.indexOf(`</${m[1]}>`, m.index + m[0].length);
    if (close < 0) break;
    const end = close + m[1]!.length + 3;
    out += text.slice(at, m.index) + text.slice(m.index, end).replaceAll("\n", "<WPPreserveNewline />");
    at = end;
  }
  return out + text.slice(at);
}

/**
 * `preg_replace('|(?<!<br />)\s*\n|', "<br />\n")`: in each run of whitespace holding a newline, the
 * part up to its last newline becomes "<br />\n"; when a "<br />" stands right before the run, the
 * match starts one character later (so a lone newline there is left alone), exactly as PCRE does.
 */
function breakLines(text: string): string {
  let out = "";
  let at = 0;
  const runs = new RegExp(`${WS}+`, "g");
  for (const m of text.matchAll(runs)) {
    const run = m[0];
    const last = run.lastIndexOf("\n");
    if (last < 0) continue;
    let start = m.index;
    if (text.slice(Math.max(0, start - 6), start) === "<br />") start++;
    if (start > m.index + last) continue;
    out += text.slice(at, start) + "<br />\n";
    at = m.index + last + 1;
  }
  return out + text.slice(at);
}
