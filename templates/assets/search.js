// @ts-check
// The search page's script (/search/?q=…). It loads the Pagefind bundle the build wrote, folds the
// query the way the index was folded (Traditional and Simplified to one form, src/search/fold.ts),
// and writes the results with DOM calls only: no innerHTML, so nothing from the index becomes markup.
// The index holds folded text; each result also carries its original text when that differs, and
// because the fold never moves a position, the excerpt is shown in the article's own script.
// The small pure helpers are exported for the unit tests (tests/search-client.test.ts).

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 200;

/**
 * The fold as a function, from the table the build writes (aligned code points).
 * @param {{ from: string, to: string }} table
 * @returns {(text: string) => string}
 */
export function makeFold(table) {
  const to = [...table.to];
  const map = new Map([...table.from].map((c, i) => [c, to[i] ?? c]));
  return (text) => {
    let out = "";
    for (const c of text) out += map.get(c) ?? c;
    return out;
  };
}

/** @typedef {{ text: string, mark: boolean }} Segment */

// Pagefind escapes only < and > in excerpts (an & is left as it is), and marks word breaks in Chinese
// with zero-width spaces, which are not part of the text.
const decode = (/** @type {string} */ s) => s.replace(/\u200b/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/**
 * Pagefind's excerpt ("a <mark>b</mark> c", with < and > escaped) as plain-text segments.
 * @param {string} html
 * @returns {Segment[]}
 */
export function excerptSegments(html) {
  /** @type {Segment[]} */
  const segments = [];
  const marks = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = marks.exec(html); m !== null; m = marks.exec(html)) {
    if (m.index > last) segments.push({ text: decode(html.slice(last, m.index)), mark: false });
    segments.push({ text: decode(m[1] ?? ""), mark: true });
    last = marks.lastIndex;
  }
  if (last < html.length) segments.push({ text: decode(html.slice(last)), mark: false });
  return segments;
}

/**
 * The same segments cut from the original text: the fold keeps every position, so the passage found
 * in the folded content sits at the same offsets in the original. Unchanged when it cannot be placed.
 * @param {Segment[]} segments
 * @param {string} folded the indexed content (Pagefind's word-break marks are ignored)
 * @param {string | undefined} original the content before folding (absent when identical)
 * @returns {Segment[]}
 */
export function inOriginal(segments, folded, original) {
  folded = folded.replace(/\u200b/g, "");
  if (!original || original.length !== folded.length) return segments;
  const at = folded.indexOf(segments.map((s) => s.text).join(""));
  if (at < 0) return segments;
  let pos = at;
  return segments.map((s) => {
    const text = original.slice(pos, pos + s.text.length);
    pos += s.text.length;
    return { text, mark: s.mark };
  });
}

/**
 * The words of a query, as Intl.Segmenter splits them (Chinese into words, other text at spaces).
 * @param {string} query
 * @returns {string[]}
 */
export function queryWords(query) {
  const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  return [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase());
}

/**
 * Results of a query over merged shards, as one index would give them. Pagefind leaves out of a query
 * the words an index does not contain, so a shard without one of the words answers for the others
 * alone; here a result must also be found by each word on its own (words found nowhere are left out,
 * as Pagefind does). Only ids are compared: no result's data is fetched.
 * @template {{ id: string }} R
 * @param {(q: string) => Promise<{ results: R[] }>} search
 * @param {string} query
 * @returns {Promise<R[]>}
 */
export async function searchShards(search, query) {
  const { results } = await search(query);
  const words = queryWords(query);
  if (words.length < 2) return results;
  /** @type {Set<string>[]} */
  const found = [];
  for (const word of words) {
    const ids = new Set((await search(word)).results.map((r) => r.id));
    if (ids.size > 0) found.push(ids);
  }
  return results.filter((r) => found.every((ids) => ids.has(r.id)));
}

/**
 * "{n} articles for {q}" with the placeholders filled.
 * @param {string} label
 * @param {Record<string, string>} values
 */
export function fill(label, values) {
  return label.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}

/**
 * One result as a list item.
 * @param {{ url: string, content: string, excerpt: string, meta: Record<string, string> }} data
 */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  if (data.meta.lang) item.lang = data.meta.lang;
  const title = item.appendChild(document.createElement("h2"));
  title.className = "search-result-title";
  const link = title.appendChild(document.createElement("a"));
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const meta = item.appendChild(document.createElement("p"));
  meta.className = "search-result-meta";
  meta.textContent = [data.meta.date, data.meta.category].filter(Boolean).join(" · ");
  const excerpt = item.appendChild(document.createElement("p"));
  excerpt.className = "search-result-excerpt";
  for (const segment of inOriginal(excerptSegments(data.excerpt), data.content, data.meta.original)) {
    excerpt.append(segment.mark ? Object.assign(document.createElement("mark"), { textContent: segment.text }) : segment.text);
  }
  return item;
}

async function start() {
  const root = document.getElementById("search");
  const form = document.querySelector("main form.search-form");
  const input = form?.querySelector("input[name=q]");
  const status = root?.querySelector(".search-status");
  const list = root?.querySelector(".search-list");
  if (!root || !form || !(input instanceof HTMLInputElement) || !status || !list) return;
  const words = root.dataset;
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  // Loaded once, on first use; a failure shows the "not available" line instead of an empty page.
  /** @type {Promise<{ search: (q: string) => Promise<any[]>, fold: (q: string) => string }> | undefined} */
  let engine;
  const load = () =>
    (engine ??= (async () => {
      // (A failed load is forgotten below, so the next query tries again.)
      const json = async (/** @type {string} */ url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      };
      // A large archive's index comes in shards (src/search/write-index.ts), merged into one search.
      const [{ shards }, table] = await Promise.all([json(`${words.bundle}shards.json`), json(/** @type {string} */ (words.fold))]);
      const bundles = /** @type {string[]} */ (shards).map((shard) => `${words.bundle}${shard}`);
      const pagefind = await import(/* @vite-ignore */ `${bundles[0]}pagefind.js`);
      // The indexed URLs already carry the site's path prefix: Pagefind must not add the bundle's folder.
      await pagefind.options({ excerptLength: 36, baseUrl: "/" });
      for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle, { baseUrl: "/", excerptLength: 36 });
      /** @type {(q: string) => Promise<{ results: any[] }>} */
      const one = (q) => pagefind.search(q);
      return { search: bundles.length > 1 ? (/** @type {string} */ q) => searchShards(one, q) : async (/** @type {string} */ q) => (await one(q)).results, fold: makeFold(table) };
    })().catch((error) => {
      engine = undefined;
      throw error;
    }));

  const more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = words.more ?? "";
  /** @type {any[]} */
  let pending = [];
  let generation = 0;

  async function showNext() {
    const mine = generation;
    const batch = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    list?.append(...data.map(resultItem));
    if (pending.length > 0) root?.append(more);
    else more.remove();
  }

  async function run(/** @type {string} */ raw) {
    const mine = ++generation;
    const q = raw.trim();
    pending = [];
    more.remove();
    if (q === "") {
      status && (status.textContent = "");
      list?.replaceChildren();
      return;
    }
    status && (status.textContent = words.loading ?? "");
    try {
      const { search, fold } = await load();
      const found = await search(fold(q));
      if (mine !== generation) return;
      list?.replaceChildren();
      pending = [...found];
      await showNext();
      if (mine !== generation) return;
      // Announced once the first results are on the page (the status line is a live region).
      const n = numbers.format(found.length);
      if (status) status.textContent = fill((found.length > 0 ? words.results : words.none) ?? "", { q, n });
    } catch (error) {
      if (mine !== generation) return;
      if (status) status.textContent = words.failed ?? "";
      console.error(error);
    }
  }

  /** Keeps ?q= in the address, so a search can be bookmarked, shared and reloaded. */
  const remember = (/** @type {string} */ q) => {
    const url = new URL(location.href);
    if (q.trim() === "") url.searchParams.delete("q");
    else url.searchParams.set("q", q.trim());
    history.replaceState(null, "", url);
  };

  let typing = 0;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => {
      remember(input.value);
      void run(input.value);
    }, TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    remember(input.value);
    void run(input.value);
  });
  more.addEventListener("click", () =>
    showNext().catch((error) => {
      if (status) status.textContent = words.failed ?? "";
      console.error(error);
    }),
  );

  input.value = new URLSearchParams(location.search).get("q") ?? "";
  await run(input.value);
}

if (typeof document !== "undefined") void start();
