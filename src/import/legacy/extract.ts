// One legacy page → an article's fields, or the reason it is not an article. The title is the heading
// the page's evidence points at — candidates scored by closeness to the body and the meta line and by
// agreement with the <title> minus the site name (the <title> itself is never trusted), then, in
// import.ts, by what other pages' links call the page; the breadcrumb gives the category chain (from
// after the home link, wherever it stands); labelled text gives
// date, views, source and author; the body is cleaned of scripts, widgets, tracking pixels and
// injected spam, and every sign of spam is kept for the report.
import { load, type Cheerio, type CheerioAPI, type contains } from "cheerio";
import type { Labels, Profile } from "./profile.ts";
import { parseDate } from "../../content/dates.ts";
import { attached, count, firstTag, hasTag, textLength, textStart, textWithout, within } from "../dom.ts";
import { tooDeep } from "../limits.ts";
import { decodePath, normalisePath } from "../urls.ts";
import { alternatives, cleanBody, hidingSelectors, memoText, removeHidden } from "../clean/clean-html.ts";
import { spamThroughout, spamWords } from "../clean/spam.ts";

/** cheerio does not export its element type; this is the one its selections hold. */
type Found = ReturnType<ReturnType<CheerioAPI["root"]>["children"]>;
type Element = Found extends Cheerio<infer E> ? E : never;
type AnyNode = Parameters<typeof contains>[0];

export interface LegacyArticle {
  kind: "article";
  /** The old URL: the page's path below the mirror folder, with a leading "/". */
  url: string;
  title: string;
  /** Breadcrumb entries between the home page and the article, with their old hrefs. */
  trail: { name: string; href: string | null }[];
  /** "2013-12-27 10:30:07" or "2013-12-27", as printed; null when the page has none. */
  date: string | null;
  views: number | null;
  source: string;
  author: string;
  /** The summary the template prints apart from the body (the profile's `summary` selectors), or "". */
  summary: string;
  /** The cleaned body HTML (relative URLs unchanged). */
  bodyHtml: string;
  /** Old "previous" / "next" links, resolved to site paths, for the order check. */
  previous: string | null;
  next: string | null;
  /** Injected spam found and removed: each sign in words. */
  signs: string[];
  /** The headings that could be the title, best first, with their evidence score (see chooseTitle). */
  titles: TitleCandidate[];
  /** The page's links (href as written, text cleaned): what this page calls the pages it links to. */
  links: { href: string; text: string }[];
  /** Links of the page's pager (DedeCMS .dede_pages, PHPCMS #pages), resolved: the other pages of a multi-page article. */
  pager: string[];
  /** Script addresses as written: a view counter among them may have its answer saved in the mirror. */
  scripts: string[];
}

/** A heading that could be the page's title, and how strongly the page itself says so. */
export interface TitleCandidate {
  text: string;
  score: number;
}

export type Extracted =
  | LegacyArticle
  /** `links`: the page's links, when it was read far enough (a list page is what calls its articles by name). */
  | { kind: "skipped"; url: string; reason: string; links?: LegacyArticle["links"] }
  | { kind: "spam"; url: string; title: string; signs: string[] };

/** Smallest amount of body text (characters) for a page to count as an article. */
const MIN_BODY = 10;
/** Addresses legacy CMSs give their list pages. */
const LIST_ADDRESS = /(?:\/index\.s?html?|\/list[_-]\d+(?:[_-]\d+)?\.s?html?|\/list\/[^/]*)$/i;

export function extractPage(html: string, url: string, profile: Profile): Extracted {
  const $ = load(html);
  // Before anything walks the tree: the text, cleaning and conversion below recurse once per level.
  const deep = tooDeep($.root()[0]!);
  if (deep) return { kind: "skipped", url, reason: `not read: ${deep}` };
  const signs: string[] = [];
  const pageTitle = pageTitleOf($);

  // Hidden blocks anywhere on the page: removed, and reported when they carry links or spam.
  removeHidden($, $.root(), signs, hidingSelectors($("style").text()));
  const links = pageLinks($);
  const skip = (reason: string): Extracted => ({ kind: "skipped", url, reason, links });

  const body = first($, profile.body) ?? densest($);
  const titles = headingCandidates($, profile, body, pageTitle);
  const title =
    titles.find((t) => spamWords(t.text).length === 0 && t.score === titles[0]!.score)?.text ?? titles[0]?.text ?? "";
  const titleSpam = spamWords(pageTitle).filter((w) => !title.toLowerCase().includes(w));
  if (titleSpam.length > 0) signs.unshift(`injected <title> (${titleSpam.join(", ")}): "${pageTitle}"`);

  if (title === "") return skip("no article heading (h1 or the profile's title selectors)");
  if (spamWords(title).length > 0) return { kind: "spam", url, title, signs: [...signs, `spam heading: "${title}"`] };
  // A spam heading passed over for the article's own (injected above it, as hacked templates do) is a sign too.
  for (const t of titles) {
    const words = spamWords(t.text);
    if (words.length > 0) signs.push(`injected heading (${words.join(", ")}): "${t.text}"`);
  }

  if (!body) return skip("no article body");
  const trail = breadcrumb($, profile, title, url);
  const metaText = metaTextOf($, profile, body);
  const date = findDate(metaText, profile.labels);
  const { previous, next } = neighbours($, profile.labels, url);
  const pager = pagerLinks($, profile, url);
  const summary = summaryOf($, profile, body[0]!, signs);
  const scripts = ($("script[src]").toArray() as Element[]).slice(0, 100).map((el) => el.attribs.src!);

  cleanBody($, body, profile, signs);

  const text = clean(body.text());
  if (text.length < MIN_BODY) return skip(`body has ${text.length} characters of text (list or index page?)`);
  const bodyLinks = within($, body, "a").length;
  const linkText = clean(within($, body, "a").text()).length;
  if (bodyLinks >= 8 && linkText > text.length * 0.4)
    return skip(`a list of ${bodyLinks} links, not an article (list page)`);
  if (LIST_ADDRESS.test(url) && bodyLinks >= 5)
    return skip("an index or list address with a list of links (list page)");
  if (date === null) return skip(`no publish date (labels: ${profile.labels.date.slice(0, 4).join(", ")}…)`);
  // "2013-02-30" is not a day: such a page is reported, never imported with a made-up date.
  if (!parseDate(date, "UTC").ok) return skip(`the publish date ${date} does not exist`);
  // A page whose own text is mostly spam is spam outright, even under an innocent heading.
  const bodySpam = spamThroughout(text);
  if (bodySpam)
    return { kind: "spam", url, title, signs: [...signs, `spam text in the body (${bodySpam.join(", ")})`] };

  return {
    kind: "article",
    url,
    title,
    trail,
    date,
    views: findNumber(metaText, profile.labels.views),
    source: findText(metaText, profile.labels.source, profile.labels),
    author: findText(metaText, profile.labels.author, profile.labels),
    summary,
    bodyHtml: body.html() ?? "",
    previous,
    next,
    signs,
    titles: titles.filter((t) => spamWords(t.text).length === 0).slice(0, 8),
    links,
    pager,
    scripts,
  };
}

/** Longest <title> read (characters, spaces collapsed): a real one is far shorter, and every regular expression run on it stays short. */
const MAX_PAGE_TITLE = 500;

/**
 * The page's <title>, its runs of spaces collapsed and cut to MAX_PAGE_TITLE: the separators are
 * matched on it, and `\s*` before a separator would rescan a long run of spaces from every start.
 */
function pageTitleOf($: CheerioAPI): string {
  return clean(clean($("title").first().text()).slice(0, MAX_PAGE_TITLE));
}

/** Which of an article's fields a profile finds on a page, each on its own (for the report when no page is an article). */
export function probePage(html: string, profile: Profile): { title: boolean; body: boolean; date: boolean } {
  const $ = load(html);
  if (tooDeep($.root()[0]!)) return { title: false, body: false, date: false };
  removeHidden($, $.root(), [], hidingSelectors($("style").text()));
  const body = first($, profile.body) ?? densest($);
  let title = false;
  try {
    title = headingCandidates($, profile, body, "").length > 0;
  } catch {
    // a selector that is not CSS finds nothing
  }
  return {
    title,
    body: body !== null && clean(body.text()).length >= MIN_BODY,
    date: body !== null && findDate(metaTextOf($, profile, body), profile.labels) !== null,
  };
}

function first($: CheerioAPI, selectors: readonly string[]): Cheerio<Element> | null {
  for (const selector of selectors) {
    // The first match with text; the others' text is never read (nested matches would read the page once per level).
    for (const el of $(selector).toArray())
      if (textStart(el, 200).trim() !== "" || clean($(el).text()) !== "") return $(el) as Cheerio<Element>;
  }
  return null;
}

/** How many elements per selector are looked at as possible titles: a page of 10,000 <h2> is not read 10,000 times. */
const MAX_PER_SELECTOR = 40;
/** Separators between the parts of a <title>: "Article_Category_Site", "Article - Site", "Article | Site". */
const TITLE_SEPARATOR = /\s*(?:[_|｜–—]|\s-\s|-)\s*/g;
/** Classes and ids of the page's furniture: a heading there is the site's name or slogan, not the article's. */
const FURNITURE =
  /(?:^|[\s_-])(?:header|head|top|topbar|nav|navbar|menu|logo|banner|footer|foot|sidebar|side|sider|aside|right|pright|links)(?:$|[\s_-]|\d)/i;

/** Text compared without spaces and case: "重點 客戶" and "重點客戶" are one title. */
const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/**
 * The headings that could be the title, scored by what the page says of each, best first: the
 * profile's selectors (in order), closeness to the body and the meta line in document order, agreement
 * with the <title> minus the site name, and penalties for the page's furniture (a header's slogan, a
 * logo, a sidebar's list), for headings inside or after the body, and for lengths no title has. The
 * <title> itself is never a candidate: hacked sites fill it with spam.
 */
function headingCandidates(
  $: CheerioAPI,
  profile: Profile,
  body: Cheerio<Element> | null,
  pageTitle: string,
): TitleCandidate[] {
  const rankOf = new Map<Element, number>();
  const selectors = [...profile.title, "h1", "h2", "h3"];
  const headings = headingsByName($);
  selectors.forEach((selector, rank) => {
    let found: Element[];
    try {
      found = headings.get(selector) ?? ($(selector).toArray() as Element[]);
    } catch (error) {
      // A selector that is not CSS (a profile's mistake) stops only the pages that need it: those
      // where no earlier selector found a heading.
      if (rankOf.size === 0) throw error;
      return;
    }
    for (const el of found.slice(0, MAX_PER_SELECTOR))
      if (!rankOf.has(el)) rankOf.set(el, rank < profile.title.length ? rank : Infinity);
  });
  if (rankOf.size === 0) return [];
  const bodyEl = body?.[0] ?? null;
  const metaEl = metaElement($, profile, bodyEl);
  const spans = textSpans($, new Set<unknown>([...rankOf.keys(), bodyEl, metaEl].filter((x) => x !== null)));
  const agreeing = titleHeads(pageTitle);
  const metaLabel = new RegExp(
    `^\\s*(?:${alternatives([...profile.labels.date, ...profile.labels.views, ...profile.labels.source, ...profile.labels.author])})\\s*[:：]`,
  );
  const metaHolders = ancestorsOf(metaEl);
  const out: TitleCandidate[] = [];
  for (const [el, rank] of rankOf) {
    const text = clean(headingText(el, (at) => metaHolders.has(at) || metaLabel.test(textStart(at, 100))));
    if (text === "") continue;
    let score = rank === Infinity ? 0 : 3 - Math.min(rank, 2);
    const at = spans.get(el)!;
    const b = bodyEl ? spans.get(bodyEl)! : null;
    if (b) {
      if (at.start >= b.start && at.end <= b.end) score -= 4;
      else if (at.start >= b.end) score -= 3;
      else if (at.end <= b.start) score += b.start - at.end <= 200 ? 3 : b.start - at.end <= 1000 ? 1.5 : 0;
    }
    const m = metaEl ? spans.get(metaEl)! : null;
    // The meta line right after the heading, or inside it (PHPCMS: <h1>Title<br><span>date…</span></h1>).
    if (m && ((m.start >= at.end && m.start - at.end <= 60) || (m.start >= at.start && m.end <= at.end))) score += 2;
    if (agreeing.has(norm(text))) score += 4;
    else if ([...agreeing].some((h) => norm(text).length >= 6 && h.startsWith(norm(text)))) score += 2;
    if (inFurniture(el)) score -= 2;
    if (linksHome(el)) score -= 3;
    if (text.length < 2 || text.length > 150) score -= 3;
    out.push({ text, score });
  }
  // Best first; a tie goes to the heading first in the page (the sort is stable).
  const seen = new Set<string>();
  return out.sort((a, b) => b.score - a.score).filter((c) => !seen.has(c.text) && seen.add(c.text));
}

/** The page's h1, h2 and h3 elements by name, each list in document order: one walk, where a query per name walks the page three times. */
function headingsByName($: CheerioAPI): Map<string, Element[]> {
  const found = new Map<string, Element[]>([
    ["h1", []],
    ["h2", []],
    ["h3", []],
  ]);
  const stack: AnyNode[] = [$.root()[0]! as AnyNode];
  while (stack.length > 0) {
    const node = stack.pop()! as unknown as { name?: string; children?: AnyNode[] };
    if (node.name) found.get(node.name)?.push(node as unknown as Element);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

/**
 * The title, with the strongest evidence added: what other pages of the mirror call this page (the
 * text of their links to it: neighbours' previous/next links, list pages). A candidate named so by
 * another page wins over one the page alone prefers; a link text cut short ("重點客戶管理的…") counts
 * for the heading it begins.
 */
export function chooseTitle(candidates: readonly TitleCandidate[], calledBy: Iterable<string>): string | null {
  if (candidates.length === 0) return null;
  const names = [...calledBy].map((t) => norm(t).replace(/(?:\.{3}|…)+$/, "")).filter((t) => t.length >= 2);
  const scored = candidates.map((c) => {
    const text = norm(c.text);
    const exact = names.filter((n) => n === text).length;
    const cut = names.filter((n) => n !== text && n.length >= 4 && text.startsWith(n)).length;
    // Worth more than everything the page says of itself (from about -12 to 12): other pages name it.
    return { text: c.text, score: c.score + (exact > 0 ? 20 + Math.min(exact, 3) : cut > 0 ? 16 : 0) };
  });
  return scored.reduce((best, c) => (c.score > best.score ? c : best)).text;
}

/** The normalised heads of a <title>: every prefix ending at a separator (never the site name after the last one), or the whole when there is none. */
function titleHeads(pageTitle: string): Set<string> {
  const heads = new Set<string>();
  for (const m of pageTitle.matchAll(TITLE_SEPARATOR)) if (m.index > 0) heads.add(norm(pageTitle.slice(0, m.index)));
  heads.add(norm(pageTitle));
  heads.delete("");
  return heads;
}

/** Longest summary kept, in characters: a template's description box, not a second body. */
const MAX_SUMMARY = 500;

/**
 * The summary the template prints apart from the body: the first of the profile's `summary` elements
 * with text, outside the body; "" when there is none, and a sign when it carries spam.
 */
function summaryOf($: CheerioAPI, profile: Profile, body: Element, signs: string[]): string {
  for (const selector of profile.summary)
    for (const el of ($(selector).toArray() as Element[]).slice(0, MAX_PER_SELECTOR)) {
      // Not the body, nor inside it, nor around it.
      if (el === body || holds(body, el) || holds(el, body)) continue;
      const text = clean(textStart(el, MAX_SUMMARY + 1));
      if (text === "") continue;
      const words = spamWords(text);
      if (words.length > 0) {
        signs.push(`spam in the summary (${words.join(", ")}): left out`);
        return "";
      }
      return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
    }
  return "";
}

/** Whether `outer` is an ancestor of `inner` (a walk up from `inner`, as deep as the page: limited, see limits.ts). */
function holds(outer: Element, inner: Element): boolean {
  for (let at = inner.parent as Element | null; at; at = at.parent as Element | null) if (at === outer) return true;
  return false;
}

/** The element whose text holds the meta line (date, source, views): the first of the profile's with a digit, outside the body. */
function metaElement($: CheerioAPI, profile: Profile, body: Element | null): Element | null {
  for (const selector of profile.meta)
    for (const el of ($(selector).toArray() as Element[]).slice(0, MAX_PER_SELECTOR))
      if (el !== body && /\d/.test(textStart(el, 300))) return el;
  return null;
}

/** Longest heading text read (characters): a title is far shorter, and a longer one is marked down. */
const MAX_HEADING = 300;

/**
 * A heading's text, inline markup and all (重点<em>客户</em>管理, E = MC<sup>2</sup>, <span>第一章</span> 总论),
 * up to a <br> or the element that holds the meta line (PHPCMS: <h1>Title<br><span>日期…</span></h1>;
 * <h1>Title<span>发布时间：…</span></h1>). A <br> or a meta element before any text is passed over.
 */
function headingText(el: Element, holdsMeta: (el: Element) => boolean): string {
  let out = "";
  const stack = [...(el.children as AnyNode[])].reverse();
  while (stack.length > 0 && out.length < MAX_HEADING) {
    const at = stack.pop()! as unknown as { type: string; data?: string; name?: string; children?: AnyNode[] };
    if (at.type === "text") {
      out += at.data ?? "";
      continue;
    }
    if (at.type !== "tag") continue;
    const cut = at.name === "br" || holdsMeta(at as unknown as Element);
    if (cut && out.trim() !== "") break;
    if (cut) continue;
    const children = at.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.slice(0, MAX_HEADING);
}

/** An element and every element it lies in: those of the meta line hold it. */
function ancestorsOf(el: Element | null): Set<unknown> {
  const out = new Set<unknown>();
  for (let at: unknown = el; at; at = (at as { parent?: unknown }).parent) out.add(at);
  return out;
}

/**
 * Where each of `wanted` starts and ends, counted in characters of the page's text before it: one walk
 * over the document, whatever the number of elements asked about.
 */
function textSpans($: CheerioAPI, wanted: ReadonlySet<unknown>): Map<unknown, { start: number; end: number }> {
  const spans = new Map<unknown, { start: number; end: number }>();
  let offset = 0;
  type Walk = { node: AnyNode; leave: boolean };
  const stack: Walk[] = [{ node: $.root()[0]! as AnyNode, leave: false }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      spans.get(node)!.end = offset;
      continue;
    }
    if (node.type === "text") {
      offset += clean((node as unknown as { data: string }).data).length;
      continue;
    }
    if (node.type === "script" || node.type === "style" || node.type === "comment") continue;
    if (wanted.has(node)) {
      spans.set(node, { start: offset, end: offset });
      stack.push({ node, leave: true });
    }
    const children = (node as unknown as { children?: AnyNode[] }).children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leave: false });
  }
  return spans;
}

/** Whether the element lies in the page's header, navigation, sidebar or footer. */
function inFurniture(el: Element): boolean {
  for (let at: Element | null = el; at && (at as { type: string }).type !== "root"; at = at.parent as Element | null) {
    if (at.tagName === "header" || at.tagName === "nav" || at.tagName === "footer" || at.tagName === "aside")
      return true;
    if (FURNITURE.test(`${at.attribs?.class ?? ""} ${at.attribs?.id ?? ""}`)) return true;
  }
  return false;
}

/** Whether the heading is a link to the home page (a logo or the site's name). */
function linksHome(el: Element): boolean {
  const a = firstTag(el, "a") as Element | null;
  return !!a && /^(?:https?:\/\/[^/]+)?\/?(?:index\.(?:s?html?|php|asp))?$/i.test(a.attribs?.href?.trim() ?? "-");
}

/** The page's links outside scripts, as written, with their text: at most a few thousand, each text cut to 200 characters. */
function pageLinks($: CheerioAPI): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  for (const el of ($("a[href]").toArray() as Element[]).slice(0, 5000)) {
    const text = clean(textStart(el, 200));
    if (text.length >= 2) out.push({ href: el.attribs.href!, text });
  }
  return out;
}

/** The links of the page's pager (the other pages of a multi-page article), resolved, in order. */
function pagerLinks($: CheerioAPI, profile: Profile, url: string): string[] {
  const out: string[] = [];
  for (const selector of profile.pager)
    for (const el of ($(selector).toArray() as Element[]).slice(0, 4)) {
      // The pager's own links, by a walk of its subtree (not a document-wide query per pager).
      const stack: Element[] = [...(el.children as Element[])].reverse();
      for (let seen = 0; stack.length > 0 && seen < 200;) {
        const at = stack.pop()!;
        if (at.tagName === "a" && at.attribs?.href) {
          seen++;
          const to = resolve(url, at.attribs.href);
          if (to !== null && !out.includes(to)) out.push(to);
        }
        if (at.children) for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i] as Element);
      }
    }
  return out;
}

/** No selector matched: the block whose own paragraphs hold the most text. */
function densest($: CheerioAPI): Cheerio<Element> | null {
  let best: Cheerio<Element> | null = null;
  let bestScore = 0;
  $("div, td, article, section").each((_, el) => {
    const node = $(el);
    let score = 0;
    node.children("p").each((__, p) => void (score += clean($(p).text()).length));
    for (const child of el.children)
      if (child.type === "text") score += clean((child as unknown as { data: string }).data).length;
    if (score > bestScore) {
      bestScore = score;
      best = node;
    }
  });
  return best;
}

const clean = (s: string) => s.replace(/\s+/g, " ").trim();

function breadcrumb($: CheerioAPI, profile: Profile, title: string, url: string): LegacyArticle["trail"] {
  let container = first($, profile.breadcrumb);
  if (!container) {
    // The smallest element whose text starts with a breadcrumb label and holds links.
    const label = new RegExp(`^\\s*(?:${alternatives(profile.labels.breadcrumb)})\\s*[:：]`);
    let shortest = Infinity;
    $("div, p, span, td, nav").each((_, el) => {
      // The label is at the start: only the start of each block's text is read, then the rest for the few that match.
      if (!label.test(textStart(el, 100)) || !hasTag(el, "a")) return;
      const length = textLength(el);
      if (length < shortest) {
        shortest = length;
        container = $(el);
      }
    });
  }
  if (!container) return [];
  const trail = within($, container as Cheerio<Element>, "a")
    .toArray()
    .slice(0, 50)
    .map((a) => ({ name: clean($(a).text()), href: $(a).attr("href") ?? null }))
    .filter((c) => c.name !== "");
  // The home link wherever it stands ("当前位置 : 工业营销 | 主页 > 学术研究 > 工业营销"): what comes before it
  // is the site's name, what comes after it is the category chain.
  const homeWords = new Set(profile.labels.home.map((h) => h.toLowerCase()));
  const isHome = (c: (typeof trail)[number]) =>
    homeWords.has(c.name.toLowerCase()) ||
    (c.href !== null && /^\/(?:index\.(?:s?html?|php|asp))?$/i.test(resolve(url, c.href)?.split("?")[0] ?? "-"));
  let home = -1;
  trail.forEach((c, i) => void (isHome(c) && (home = i)));
  const chain = trail.slice(home + 1);
  if (chain.length > 0 && chain.at(-1)!.name === title) chain.pop();
  return chain;
}

function metaTextOf($: CheerioAPI, profile: Profile, body: Cheerio<Element>): string {
  const meta = profile.meta.map((s) => $(s).not(body).text()).join("  ");
  if (/\d/.test(meta)) return clean(meta);
  // No meta element: the page's text outside the body (scripts and styles left out; no copy, no re-parse).
  const page = textWithout($("body")[0] ?? $.root()[0], new Set(["script", "style"]));
  return clean(page.replace(clean(body.text()), " "));
}

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;

export function findDate(text: string, labels: Labels): string | null {
  const labelled = new RegExp(`(?:${alternatives(labels.date)})\\s*[:：]?\\s*${DATE}`).exec(text);
  const m = labelled ?? new RegExp(DATE).exec(text);
  if (!m) return null;
  const pad = (s: string | undefined) => (s ?? "0").padStart(2, "0");
  const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return m[4] === undefined ? day : `${day} ${pad(m[4])}:${m[5]}:${pad(m[6])}`;
}

export function findNumber(text: string, words: readonly string[]): number | null {
  const m = new RegExp(`(?:${alternatives(words)})\\s*[:：]?\\s*(\\d[\\d,]*)`).exec(text);
  return m ? Number(m[1]!.replace(/,/g, "")) : null;
}

/**
 * The text after a label, up to the next label or a separator. Chinese names and sources have no
 * spaces, so a space ends them; Latin ones ("John Smith", "Hengshi Research") may have single spaces.
 */
export function findText(text: string, words: readonly string[], labels: Labels): string {
  const m = new RegExp(`(?:${alternatives(words)})\\s*[:：]\\s*`).exec(text);
  if (!m) return "";
  let value = text.slice(m.index + m[0].length);
  const end = new RegExp(`(?:${alternatives(Object.values(labels).flat())})\\s*[:：]|[|｜\\u3000]|\\s{2,}`).exec(value);
  if (end) value = value.slice(0, end.index);
  // Chinese, or a title in book marks (《工业营销评论》) or other CJK brackets.
  value = /^[\p{Script=Han}《〈「『【（]/u.test(value)
    ? value.split(/\s/)[0]!
    : (/^[\p{L}\p{N}.,'&-]+(?: [A-Za-z][\p{L}\p{N}.,'&-]*)*/u.exec(value)?.[0] ?? "");
  return clean(value).slice(0, 60);
}

function neighbours($: CheerioAPI, labels: Labels, url: string): { previous: string | null; next: string | null } {
  const textOf = memoText($);
  const find = (words: readonly string[]): string | null => {
    const label = new RegExp(alternatives(words));
    let href: string | null = null;
    $("a[href]").each((_, el) => {
      if (href !== null || !el.parent) return;
      const a = $(el);
      const around = textOf(el.parent);
      if (around.length < 200 && label.test(around) && label.test(around.slice(0, around.indexOf(a.text()) + 1)))
        href = resolve(url, a.attr("href")!);
    });
    return href;
  };
  return { previous: find(labels.previous), next: find(labels.next) };
}

/** A link on the page at `from` as a site path (with its query), or null for other sites and non-page links. */
export function resolve(from: string, href: string): string | null {
  if (/^(javascript|mailto|tel|data):/i.test(href) || href.startsWith("#")) return null;
  try {
    const u = new URL(href, `http://legacy.invalid${encodeURI(from)}`);
    if (u.host !== "legacy.invalid") return null;
    // Decoded once, then normalised (the URL parser resolved dots before %2f became "/"); a path that
    // climbs out stays as decoded, for the importer to refuse.
    const decoded = decodePath(u.pathname + u.search);
    return normalisePath(decoded) ?? decoded;
  } catch {
    return null;
  }
}
