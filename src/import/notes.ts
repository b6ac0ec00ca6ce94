// The notes an import keeps of what did not arrive as it was, shared by the conversions that write them.
import { hostKey } from "./urls.ts";

/** Identical notes once, with how many times ("[foo] shortcode kept as text (3 times)"). */
export function tally(notes: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of notes) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, k]) => (k > 1 ? `${n} (${k} times)` : n));
}

/** The site an address is on, as a note names it ("youtube.com"); the address itself when it has none. */
export function siteOf(url: string): string {
  return hostKey(url) || url;
}
