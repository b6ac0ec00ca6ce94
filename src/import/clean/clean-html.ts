// The cleaning every imported body gets, whatever the source (a legacy CMS page, ../legacy/extract.ts;
// a WordPress post, ../wordpress.ts): blocks hidden from readers (inline styles, the page's own
// stylesheet, `hidden`), the old site's widgets and previous/next block, tracking pixels, tiny frames,
// spam links and spam in attributes, event handlers and inline styles all go, and every sign of
// injected spam (./spam.ts) is kept for the report.
import { load, type Cheerio, type CheerioAPI, type contains } from "cheerio";
import { attached, count, within } from "../dom.ts";
import { tooDeep } from "../limits.ts";
import { hidesElement, spamWords } from "./spam.ts";

/** cheerio does not export its element type; this is the one its selections hold. */
type Found = ReturnType<ReturnType<CheerioAPI["root"]>["children"]>;
type Element = Found extends Cheerio<infer E> ? E : never;
type AnyNode = Parameters<typeof contains>[0];

/** What the cleaning takes from a template's profile (../legacy/profile.ts): its widgets, and the words of its previous/next block. */
export interface CleanRules {
  /** Selectors of the old site's widgets inside a body (share buttons, ads). */
  remove: readonly string[];
  labels: { previous: readonly string[]; next: readonly string[] };
}

/** Pixels and counters: images from analytics hosts are not content (nor are images this small, see cleanBody). */
const TRACKER =
  /(cnzz|51\.la|hm\.baidu|google-analytics|count\.php|stat\.php|counter|pixel|track|\/e\/public\/ViewClick)/i;

/**
 * Class and id selectors that a page's own stylesheet hides (`<style>.a1b2{display:none}</style>`, a
 * favourite of link injectors): simple selectors only, which is what injected rules use.
 */
export function hidingSelectors(css: string): string[] {
  const out: string[] = [];
  // Split, not matched with one regular expression: /([^{}]+)\{/ backtracks over a long run without
  // braces once per starting position, which on a large <style> never ends.
  for (const chunk of withoutComments(css).split("}")) {
    const open = chunk.lastIndexOf("{");
    if (open < 0 || !hidesElement(chunk.slice(open + 1))) continue;
    const selectors = chunk.slice(0, open).split("{").at(-1)!;
    for (const selector of selectors.split(",").map((x) => x.trim()))
      if (/^[.#][\w-]+$/.test(selector)) out.push(selector);
  }
  return out;
}

/** CSS without its comments, found by indexOf: a lazy /\/\*[\s\S]*?\*\// rescans to the end from every unclosed "/*". */
function withoutComments(css: string): string {
  let out = "";
  for (let at = 0; ;) {
    const open = css.indexOf("/*", at);
    if (open < 0) return out + css.slice(at);
    out += css.slice(at, open);
    const close = css.indexOf("*/", open + 2);
    if (close < 0) return out;
    at = close + 2;
  }
}

/** Removes elements hidden from readers, recording those that carry links or spam. */
export function removeHidden<N extends AnyNode>(
  $: CheerioAPI,
  root: Cheerio<N>,
  signs: string[],
  hiddenBy: readonly string[] = [],
): void {
  const byStylesheet = hiddenBy.join(", ");
  within($, root, ["[style]", "[hidden]", ...hiddenBy].join(", ")).each((_, el) => {
    const node = $(el);
    // Inside a block removed already: it went with it (and its text was counted there).
    if (!attached(el)) return;
    if (
      node.attr("hidden") === undefined &&
      !hidesElement(node.attr("style")) &&
      !(byStylesheet !== "" && node.is(byStylesheet))
    )
      return;
    const links = count(el, "a");
    // Hidden from readers is a promotional place: gambling words there are spam whatever stands beside them.
    const words = spamWords(node.text(), { promotional: true });
    if (links > 0 || words.length > 0)
      signs.push(`hidden block with ${links} link(s)${words.length ? ` (${words.join(", ")})` : ""}`);
    node.remove();
  });
}

/**
 * An article body made fit to publish: the profile's widgets, the old previous/next block, tracking
 * pixels and counters, spam links and spam in attributes, event handlers and inline styles all go;
 * every piece of spam is recorded in `signs`.
 */
export function cleanBody<N extends AnyNode>(
  $: CheerioAPI,
  body: Cheerio<N>,
  rules: CleanRules,
  signs: string[],
): void {
  for (const selector of rules.remove) within($, body, selector).remove();
  // The old previous/next block: Wenku computes its own. Only a short element whose link follows the
  // label directly ("上一篇：<a>…</a>") is removed, never prose that mentions 下篇.
  const neighbourLabel = new RegExp(
    `(?:${alternatives([...rules.labels.previous, ...rules.labels.next])})\\s*[:：]?\\s*$`,
  );
  // Each parent's text once, however many links it holds (a paragraph of 100,000 links is read once, not per link).
  const textOf = memoText($);
  within($, body, "a").each((_, el) => {
    if (!attached(el) || !el.parent) return;
    const around = textOf(el.parent);
    if (around.length >= 200) return;
    const before = around.slice(0, Math.max(0, around.indexOf($(el).text())));
    if (neighbourLabel.test(before)) $(el.parent).remove();
  });
  within($, body, "img").each((_, el) => {
    const img = $(el);
    const w = Number(img.attr("width") ?? NaN);
    const h = Number(img.attr("height") ?? NaN);
    if (w <= 1 || h <= 1 || TRACKER.test(img.attr("src") ?? "")) img.remove();
  });
  // Frames: a tiny one, or one to a spam address, is injected code (a favourite of hacked CMS pages);
  // any other is left for the conversion, which makes it a link and notes it.
  within($, body, "iframe, embed, object").each((_, el) => {
    const frame = $(el);
    const src = frame.attr("src") ?? frame.attr("data") ?? "";
    const w = Number(frame.attr("width") ?? NaN);
    const h = Number(frame.attr("height") ?? NaN);
    const words = spamWords(src);
    if (w <= 1 || h <= 1) signs.push(`a hidden <${(el as Element).tagName}> (${w}×${h}) to ${src || "nowhere"}`);
    else if (words.length > 0)
      signs.push(`an <${(el as Element).tagName}> to a spam address (${words.join(", ")}): ${src}`);
    else return;
    frame.remove();
  });
  // Spam hides in attributes too: image descriptions and link titles.
  within($, body, "[alt], [title]").each((_, el) => {
    const node = $(el);
    const words = spamWords(`${node.attr("alt") ?? ""} ${node.attr("title") ?? ""}`);
    if (words.length === 0) return;
    signs.push(
      `spam in ${(el as Element).tagName === "img" ? "an image description" : "a title attribute"} (${words.join(", ")})`,
    );
    if ((el as Element).tagName === "img") node.remove();
    else node.removeAttr("title");
  });
  within($, body, "a[href]").each((_, el) => {
    const link = $(el);
    // A link to another host is a promotional place.
    if (!/^(https?:)?\/\//i.test(link.attr("href") ?? "")) return;
    const words = spamWords(`${link.text()} ${link.attr("href")}`, { promotional: true });
    if (words.length > 0) {
      signs.push(`spam link (${words.join(", ")}): ${link.attr("href")}`);
      link.remove();
    }
  });
  within($, body, "*").each((_, el) => {
    for (const name of Object.keys((el as Element).attribs ?? {}))
      if (/^on/i.test(name) || name === "style") $(el).removeAttr(name);
  });
}

/**
 * The same cleaning for a body that comes as HTML on its own (a WordPress post): the cleaned HTML and
 * the signs of spam, or why it is not read (nested too deep to walk).
 */
export function cleanHtml(html: string, rules: CleanRules): { html: string; signs: string[] } | { refused: string } {
  const $ = load(`<div id="wenku-clean">${html}</div>`);
  const deep = tooDeep($.root()[0]!);
  if (deep) return { refused: deep };
  const root = $("#wenku-clean");
  const signs: string[] = [];
  removeHidden($, root, signs, hidingSelectors(within($, root, "style").text()));
  cleanBody($, root, rules, signs);
  return { html: root.html() ?? "", signs };
}

/** An element's text, read once per element however often it is asked for. */
export function memoText($: CheerioAPI): (el: AnyNode) => string {
  const known = new Map<AnyNode, string>();
  return (el) => {
    let text = known.get(el);
    if (text === undefined) known.set(el, (text = $(el).text()));
    return text;
  };
}

/** Labels longest first, so 點擊次數 is tried before 點擊. */
export const alternatives = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
