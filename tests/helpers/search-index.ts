// Reads a built Pagefind bundle back: every record of every shard, as the search page would get them.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** Every record in every shard's fragment files (gzip of "pagefind_dcd" + JSON, one or more records). */
export function fragments(bundle: string): { url: string; content: string; meta: Record<string, string> }[] {
  const { shards } = JSON.parse(readFileSync(path.join(bundle, "shards.json"), "utf8")) as { shards: string[] };
  return shards.flatMap((shard) => {
    const dir = path.join(bundle, shard, "fragment");
    return readdirSync(dir).flatMap((f) => {
      const text = gunzipSync(readFileSync(path.join(dir, f)))
        .toString("utf8")
        .replace(/^pagefind_dcd/, "");
      const parsed = JSON.parse(text);
      return Array.isArray(parsed) ? parsed : [parsed];
    });
  });
}
