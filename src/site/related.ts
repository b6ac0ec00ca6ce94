// Related articles, computed once per build in the navigation pass: for each item, up to `count` others
// scored RELATED_TAG per shared tag plus RELATED_CATEGORY for the same category; only those scoring
// above 0, never the item itself; best score first, then newer first, then by file. Candidates come
// from an index (tag → items), never from all pairs: the RELATED_WINDOW nearest in time either side in
// each of the item's tags' lists and in its category. A tag on thousands of items would otherwise make
// each of them look at all the others (O(n²)); the nearest in time are the likeliest to be about the
// same things. Work is O(n · k · RELATED_WINDOW · k) for k tags per item. Items are numbered by their
// place oldest first, so the inner loop touches typed arrays, not maps.

export const RELATED_WINDOW = 10;
export const RELATED_TAG = 2;
export const RELATED_CATEGORY = 1;

interface Relatable {
  category: string;
  time: number;
  file: string;
  tags?: readonly string[];
}

/** @param chronological every item, oldest first */
export function relatedLists<T extends Relatable>(chronological: readonly T[], count: number): Map<T, readonly T[]> {
  const n = chronological.length;
  const related = new Map<T, readonly T[]>();
  if (count <= 0) return related;
  const { itemTags, lists, positions } = tagIndex(chronological);
  const { category, prev, next } = categoryChains(chronological);
  const stamp = new Int32Array(n).fill(-1);
  const score = new Int32Array(n);
  /** Whether j ranks before k: higher score, then newer, then file. */
  const before = (j: number, k: number) => {
    const a = chronological[j]!;
    const b = chronological[k]!;
    return score[j] !== score[k] ? score[j]! > score[k]! : a.time !== b.time ? a.time > b.time : a.file < b.file;
  };
  // The best `count` so far, best first: a candidate is placed by insertion, most are refused at once.
  const top: number[] = [];
  let i = 0;
  const consider = (j: number) => {
    if (stamp[j] === i) return;
    stamp[j] = i;
    let s = category[j] === category[i] ? RELATED_CATEGORY : 0;
    for (const t of itemTags[j]!) if (itemTags[i]!.includes(t)) s += RELATED_TAG;
    if (s === 0) return;
    score[j] = s;
    if (top.length === count && !before(j, top[count - 1]!)) return;
    let at = top.length;
    while (at > 0 && before(j, top[at - 1]!)) at--;
    top.splice(at, 0, j);
    if (top.length > count) top.pop();
  };
  for (; i < n; i++) {
    top.length = 0;
    stamp[i] = i;
    itemTags[i]!.forEach((t, k) => {
      const list = lists[t]!;
      const at = positions[i]![k]!;
      const end = Math.min(list.length - 1, at + RELATED_WINDOW);
      for (let p = Math.max(0, at - RELATED_WINDOW); p <= end; p++) consider(list[p]!);
    });
    for (let j = prev[i]!, steps = 0; j >= 0 && steps < RELATED_WINDOW; j = prev[j]!, steps++) consider(j);
    for (let j = next[i]!, steps = 0; j >= 0 && steps < RELATED_WINDOW; j = next[j]!, steps++) consider(j);
    related.set(
      chronological[i]!,
      top.map((j) => chronological[j]!),
    );
  }
  return related;
}

/** Tags as numbers: each item's tag ids, each tag's items (newest first) and each item's place in them. */
function tagIndex(chronological: readonly Relatable[]) {
  const ids = new Map<string, number>();
  const itemTags: number[][] = new Array(chronological.length);
  const lists: number[][] = [];
  const positions: number[][] = new Array(chronological.length);
  for (let i = chronological.length - 1; i >= 0; i--) {
    const tags = (chronological[i]!.tags ?? []).map((name) => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = lists.push([]) - 1));
      return id;
    });
    itemTags[i] = tags;
    positions[i] = tags.map((id) => lists[id]!.push(i) - 1);
  }
  return { itemTags, lists, positions };
}

/** Each item's category as a number, and its older and newer neighbour in it (-1 for none). */
function categoryChains(chronological: readonly Relatable[]) {
  const n = chronological.length;
  const ids = new Map<string, number>();
  const category = new Int32Array(n);
  const prev = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const last: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = chronological[i]!.category;
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    category[i] = id;
    const before = last[id] ?? -1;
    prev[i] = before;
    if (before >= 0) next[before] = i;
    last[id] = i;
  }
  return { category, prev, next };
}
