// What an import remembers between runs, in <content>/_import/<source>.json: for each old address the
// file it became and the hash of what was written, and for each media file the hash of what was
// copied — so a re-run knows what is its own and what an author changed since.
//
// An import that is killed half-way must not forget what it wrote, or a re-run would take its files for
// an author's and import them again beside them ("…-2.md"). So before the first file is written, the
// state is saved with what each file is about to become (`intended`); once everything is written it is
// saved again without. A re-run settles each intent against the file on disk: a file that has the
// intended bytes was written, one that does not was not (and a new file that was never written is
// forgotten, so its name is planned again).
import { promises as fs } from "node:fs";

export interface ArticleState {
  /** The file, relative to the content folder ("articles/news/88.md"). */
  file: string;
  /** What it was made from (a hash of the source and the item's addresses): a change is imported again. */
  source: string;
  /** contentHash() of the file as written; null while a new file has only been planned. */
  written: string | null;
  intended?: { hash: string; source: string };
}

export interface MediaState {
  /** fileHash() of the file as copied; null while a new file has only been planned. */
  written: string | null;
  intended?: string;
}

export interface ImportState {
  /** By old address (the item's key). */
  articles: Record<string, ArticleState>;
  /** By site path below /media ("/uploads/2013/12/a.jpg"). */
  media: Record<string, MediaState>;
}

const VERSION = 2;

export const emptyState = (): ImportState => ({ articles: {}, media: {} });

/**
 * Reads a state file (or none). Version 1, written before media were tracked, was the articles record
 * alone, with `written` always set.
 */
export async function readState(file: string): Promise<ImportState> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file}: not valid JSON (${(error as Error).message}) — the import's state file; restore it from a backup, or move it away to import as if for the first time`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: ${Array.isArray(parsed) ? "an array" : String(parsed)} — the import's state, an object`);
  const record = parsed as Record<string, unknown>;
  if (record.version === undefined) return { articles: record as unknown as ImportState["articles"], media: {} };
  if (record.version !== VERSION)
    throw new Error(`${file}: version ${String(record.version)} — version ${VERSION} (written by a newer Wenku?)`);
  return {
    articles: (record.articles ?? {}) as ImportState["articles"],
    media: (record.media ?? {}) as ImportState["media"],
  };
}

/** The state file's text: keys sorted, so a re-run that changes nothing writes the same bytes. */
export function stateText(state: ImportState): string {
  const sorted = <T>(r: Record<string, T>) =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]!]),
    );
  return `${JSON.stringify({ version: VERSION, articles: sorted(state.articles), media: sorted(state.media) }, null, 2)}\n`;
}

/**
 * Settles the intents a killed run left (see the header), given how to hash what is on disk now:
 * `articleHash(file)` and `mediaHash(sitePath)` return null for a file that does not exist. Returns how
 * many intents were found, for the report.
 */
export async function settle(
  state: ImportState,
  articleHash: (file: string) => Promise<string | null>,
  mediaHash: (sitePath: string) => Promise<string | null>,
): Promise<number> {
  let found = 0;
  for (const [key, entry] of Object.entries(state.articles)) {
    if (!entry.intended) continue;
    found++;
    const now = await articleHash(entry.file);
    if (now === entry.intended.hash) {
      state.articles[key] = { file: entry.file, source: entry.intended.source, written: now };
    } else if (entry.written === null) {
      delete state.articles[key];
    } else {
      delete entry.intended;
    }
  }
  for (const [sitePath, entry] of Object.entries(state.media)) {
    if (entry.intended === undefined) continue;
    found++;
    const now = await mediaHash(sitePath);
    if (now === entry.intended) state.media[sitePath] = { written: now };
    else if (entry.written === null) delete state.media[sitePath];
    else delete entry.intended;
  }
  return found;
}
