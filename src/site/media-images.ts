// The body images under /media/, against the media the site publishes: a missing one (or one that is
// left out, such as an SVG that could run script) is a check error naming its line; a found one gets
// its width and height, read once per build and kept across dev-server steps by size and mtime.
// Content without any such image never lists the media folder here.
import path from "node:path";
import { MediaNames, missingImages, type MediaImage } from "../content/images.ts";
import type { Problem } from "../content/problems.ts";
import type { ImageSize, ImageSizes } from "../files/image-size.ts";
import { selectMedia, type MediaFile } from "../files/media.ts";

/** Per article file, its images' sizes by their normalised src (what the renderer looks up). */
export type ArticleImageSizes = ReadonlyMap<string, Readonly<Record<string, ImageSize>>>;

export interface MediaImageOptions {
  /** The content folder whose media/ is published. */
  contentDir: string;
  /** Names below media/ that are about to be written there (an import's copies, checked before they are). */
  adding?: readonly string[];
  /** Where sizes are read and kept; without it only the check is made (npm run check, an import). */
  sizes?: ImageSizes;
}

export async function checkMediaImages(
  images: ReadonlyMap<string, readonly MediaImage[]>,
  options: MediaImageOptions,
): Promise<{ problems: Problem[]; sizes: ArticleImageSizes }> {
  const problems: Problem[] = [];
  if (images.size === 0) return { problems, sizes: new Map() };
  const selection = await selectMedia(options.contentDir);
  const mediaDir = path.join(options.contentDir, "media");
  const names = new MediaNames(
    [...selection.files.map((f) => f.name), ...(options.adding ?? [])],
    new Map(selection.leftOut.map((l) => [path.relative(mediaDir, l.file).split(path.sep).join("/"), l.reason])),
  );
  for (const [file, found] of images) problems.push(...missingImages(file, found, names));
  const sizes = options.sizes ? await readSizes(images, selection.files, options.sizes) : new Map();
  return { problems, sizes };
}

async function readSizes(
  images: ReadonlyMap<string, readonly MediaImage[]>,
  files: readonly MediaFile[],
  cache: ImageSizes,
): Promise<ArticleImageSizes> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const wanted = new Map<string, MediaFile>();
  for (const found of images.values())
    for (const image of found) {
      const file = byName.get(image.name);
      if (file) wanted.set(file.name, file);
    }
  cache.keepOnly([...wanted.values()].map((f) => f.source));
  const sizeByName = new Map<string, ImageSize>();
  const list = [...wanted.values()];
  // A bounded number of files open at once.
  for (let i = 0; i < list.length; i += 64) {
    const batch = list.slice(i, i + 64);
    const read = await Promise.all(batch.map((f) => cache.of(f)));
    batch.forEach((f, j) => read[j] && sizeByName.set(f.name, read[j]));
  }
  const sizes = new Map<string, Record<string, ImageSize>>();
  for (const [file, found] of images) {
    const record: Record<string, ImageSize> = {};
    for (const image of found) {
      const size = sizeByName.get(image.name);
      if (size) record[image.src] = size;
    }
    if (Object.keys(record).length > 0) sizes.set(file, record);
  }
  return sizes;
}
