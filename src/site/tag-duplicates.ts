// Near-duplicate tags across the archive: two spellings that are the same tag once case, width and
// Unicode form are set aside (tagKey: "KAM" / "kam" / "ＫＡＭ") or once Traditional and Simplified
// characters are folded to one script (fold: 工業營銷 / 工业营销) split one subject over two tag pages.
// Every use of the less-used spelling is an error naming the spelling to use and a file that uses it.
// The suggested spelling is the one used by the most articles; on a tie, the one met first in file-path
// order, so the answer never depends on the order files were read in.
import type { Problem } from "../content/problems.ts";
import { tagKey } from "../content/tags.ts";
import { fold } from "../i18n/fold.ts";
import type { TagUse } from "./tag-slug.ts";

/** The form near-duplicates share: tagKey, then the Traditional/Simplified fold. */
export function nearKey(name: string): string {
  return fold(tagKey(name));
}

interface Spelling {
  name: string;
  uses: TagUse[];
}

const byFile = (a: TagUse, b: TagUse) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export function nearDuplicateTags(uses: readonly TagUse[]): Problem[] {
  // A stable sort: uses within one file keep the order they are written in.
  const ordered = [...uses].sort(byFile);
  const groups = new Map<string, Map<string, Spelling>>();
  for (const use of ordered) {
    const key = nearKey(use.name);
    const group = groups.get(key) ?? groups.set(key, new Map()).get(key)!;
    const spelling = group.get(use.name) ?? group.set(use.name, { name: use.name, uses: [] }).get(use.name)!;
    spelling.uses.push(use);
  }
  const problems: Problem[] = [];
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    // Most articles first; Map order (first met in file order) breaks ties, as the sort is stable.
    const [chosen, ...others] = [...group.values()].sort((a, b) => b.uses.length - a.uses.length);
    for (const other of others!) {
      const how =
        tagKey(other.name) === tagKey(chosen!.name)
          ? "differs only in case, width or Unicode form from"
          : "is the same in Traditional and Simplified script as";
      for (const use of other.uses)
        problems.push({
          file: use.file,
          line: use.line,
          column: use.column,
          field: "tags",
          found: `"${use.name}" ${how} the tag 「${chosen!.name}」, used in`,
          also: chosen!.uses[0]!.file,
          expected: `did you mean 「${chosen!.name}」? One spelling per tag (the one most articles use)`,
        });
    }
  }
  return problems;
}
