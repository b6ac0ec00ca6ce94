// Multi-page articles: DedeCMS, PHPCMS and EmpireCMS split a long article into 125.html, 125_2.html,
// 125_3.html… (served dynamically: …&id=12&page=2, view.php?aid=125&pageno=2) with a pager (DedeCMS .dede_pages, PHPCMS #pages) linking them. Such pages are one
// article: joined in page order under the first page's address, the later addresses kept as old
// addresses of it. A later page is taken as part of the first when the first page's (or its own) pager
// links them, or when both carry the same title; a page missing between them is named.

import { load } from "cheerio";

/** What is known of one imported page. */
export interface PagePart {
  /** The page's old address. */
  url: string;
  title: string;
  /** The page's pager links, resolved to site paths. */
  pager: readonly string[];
}

export interface MultiPage {
  /** The first page's address: the article's. */
  lead: string;
  /** The later pages' addresses, in page order. */
  rest: string[];
  /** Pages the pager or the numbering promises that are not among the parts: number and address. */
  missing: { page: number; url: string }[];
  /** The highest page number known (from the pager or the parts). */
  pages: number;
}

const LATER = /^(.*\/)?([^/]+?)_(\d{1,4})(\.s?html?)$/i;

/** A dynamic address's page number: PHPCMS `…&id=12&page=2`, DedeCMS `view.php?aid=125&pageno=2` (wget may append .html). */
const LATER_QUERY = /^([^?]+\?.*?)&(?:page|pageno)=(\d{1,4})(\.html?)?$/i;

/**
 * `/a/125_2.html` → the first page `/a/125.html` and 2 (and `…&id=12&page=2` → `…&id=12`); null
 * for an address that is not a later page.
 */
export function laterPage(url: string): { first: string; page: number } | null {
  const q = LATER_QUERY.exec(url);
  if (q) return Number(q[2]) < 2 ? null : { first: `${q[1]}${q[3] ?? ""}`, page: Number(q[2]) };
  const m = LATER.exec(url);
  if (!m || Number(m[3]) < 2) return null;
  return { first: `${m[1] ?? ""}${m[2]}${m[4]}`, page: Number(m[3]) };
}

/** The address of page `page` of the article whose first page is `lead`. */
function pageAddress(lead: string, page: number): string {
  if (lead.includes("?")) {
    const ext = /\.html?$/i.exec(lead)?.[0] ?? "";
    const param = /\/view\.php\?/i.test(lead) ? "pageno" : "page";
    return `${lead.slice(0, lead.length - ext.length)}&${param}=${page}${ext}`;
  }
  const ext = /\.s?html?$/i.exec(lead)?.[0] ?? ".html";
  return `${lead.slice(0, -ext.length)}_${page}${ext}`;
}

/** The multi-page articles among `parts` (each part at most in one), in the order of their first pages. */
export function findMultiPages(parts: readonly PagePart[]): MultiPage[] {
  const byUrl = new Map(parts.map((p) => [p.url, p]));
  const groups = new Map<string, Map<number, PagePart>>();
  for (const part of parts) {
    const later = laterPage(part.url);
    if (!later) continue;
    const first = byUrl.get(later.first);
    if (!first) continue;
    const linked = first.pager.includes(part.url) || part.pager.includes(first.url);
    if (!linked && first.title !== part.title) continue;
    const group = groups.get(first.url) ?? new Map<number, PagePart>();
    group.set(later.page, part);
    groups.set(first.url, group);
  }
  // A first page whose pager links to later pages none of which arrived is one too (with them missing).
  for (const part of parts)
    if (!groups.has(part.url) && part.pager.some((link) => laterPage(link)?.first === part.url))
      groups.set(part.url, new Map());
  const out: MultiPage[] = [];
  for (const [lead, group] of groups) {
    // The pager promises pages too: the highest number any part's pager links to.
    let pages = Math.max(1, ...group.keys());
    for (const part of [byUrl.get(lead)!, ...group.values()])
      for (const link of part.pager) {
        const later = laterPage(link);
        if (later?.first === lead) pages = Math.max(pages, later.page);
      }
    const rest: string[] = [];
    const missing: MultiPage["missing"] = [];
    for (let page = 2; page <= pages; page++) {
      const part = group.get(page);
      if (part) rest.push(part.url);
      else missing.push({ page, url: pageAddress(lead, page) });
    }
    out.push({ lead, rest, missing, pages });
  }
  return out.sort((a, b) => a.lead.localeCompare(b.lead));
}

/** Longest text a template tail repeated on every page may have ("(责任编辑：admin)", "本文来源：…"). */
const MAX_TAIL = 60;

/**
 * The parts of a split article without the tail the template printed at the end of every page: when
 * every part ends with the same short text, it goes from all but the last, which keeps it for the
 * conversion to judge (an editor stamp is dropped there, src/import/to-markdown.ts). Otherwise "(责任编辑：admin)"
 * would stand between the pages.
 */
export function withoutSharedTail(parts: readonly string[]): string[] {
  if (parts.length < 2) return [...parts];
  const loaded = parts.map((html) => load(`<div id="wenku-part">${html}</div>`));
  const tails = loaded.map(($) => lastText($("#wenku-part")[0]));
  const shared = tails[0]?.data.trim() ?? "";
  if (shared === "" || shared.length > MAX_TAIL || !tails.every((t) => t?.data.trim() === shared)) return [...parts];
  return loaded.map(($, i) => {
    if (i === parts.length - 1) return parts[i]!;
    tails[i]!.data = tails[i]!.data.replace(shared, "");
    return $("#wenku-part").html() ?? "";
  });
}

/** The last text node with something other than spaces below `node`, walked from the end. */
function lastText(node: unknown): { data: string } | null {
  const stack = [node as { type?: string; data?: string; children?: unknown[] }];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at.type === "text" && (at.data ?? "").trim() !== "") return at as { data: string };
    if (at.type === "script" || at.type === "style" || at.type === "comment") continue;
    for (const child of (at.children ?? []) as (typeof at)[]) stack.push(child);
  }
  return null;
}
