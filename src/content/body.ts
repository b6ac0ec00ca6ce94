// Article bodies are read again when their pages are rendered, not kept in the site model: a 100,000
// article archive holds ~200 MB of Markdown, which would otherwise sit in every build process at once.
import type { BodyLocation } from "./article.ts";
import { decodeText, readWithStat } from "./read-files.ts";

/** The Markdown body at `at`; throws if the file changed since it was checked (the build must restart). */
export async function readBody(at: BodyLocation): Promise<string> {
  const { bytes, stat } = await readWithStat(at.file);
  if (stat.size !== at.size || stat.mtimeMs !== at.mtimeMs) {
    throw new Error(`${at.file} changed while the site was being built; build again`);
  }
  return decodeText(bytes).slice(at.bodyStart);
}

/** Reads many bodies, a bounded number at a time, in order. */
export async function readBodies(locations: readonly BodyLocation[], concurrency = 32): Promise<string[]> {
  const bodies: string[] = new Array(locations.length);
  for (let i = 0; i < locations.length; i += concurrency) {
    const batch = await Promise.all(locations.slice(i, i + concurrency).map(readBody));
    batch.forEach((body, j) => (bodies[i + j] = body));
  }
  return bodies;
}
