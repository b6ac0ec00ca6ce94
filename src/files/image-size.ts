// The width and height of a media image, read at build time so the page reserves its box before the
// image arrives (no layout jump on a phone). image-size reads the header of JPEG, PNG, GIF, WebP, SVG
// and more from a buffer; only the first bytes of a file are read, and the whole file only when its
// header runs past them (a JPEG with a large EXIF block before its frame header).
//
// Sizes are kept by file, size and mtime (ImageSizes): a rebuild, and every step of the dev server,
// reads again only the images that changed.
import { imageSize } from "image-size";
import { promises as fs } from "node:fs";

export interface ImageSize {
  width: number;
  height: number;
}

/** What is needed to read one image: its real path, and its bytes when they were read already (an SVG). */
export interface ImageFile {
  source: string;
  size: number;
  mtimeMs: number;
  data?: Buffer;
}

/** Enough for the header of every format image-size reads but a JPEG whose EXIF block comes first. */
const HEAD_BYTES = 64 * 1024;

/** The displayed size of an image, or null when its bytes are not an image image-size knows. */
export function sizeOfBytes(bytes: Uint8Array): ImageSize | null {
  try {
    const found = imageSize(bytes);
    if (!(found.width > 0 && found.height > 0)) return null;
    // EXIF orientations 5–8 turn the picture a quarter: the browser shows it with the sides swapped.
    const turned = found.orientation !== undefined && found.orientation >= 5 && found.orientation <= 8;
    return turned ? { width: found.height, height: found.width } : { width: found.width, height: found.height };
  } catch {
    return null;
  }
}

/** Reads the size of one image file: its first bytes, then all of it if the header was not among them. */
export async function readImageSize(file: ImageFile): Promise<ImageSize | null> {
  if (file.data) return sizeOfBytes(file.data);
  const handle = await fs.open(file.source, "r");
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, file.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const size = sizeOfBytes(head.subarray(0, bytesRead));
    if (size || file.size <= bytesRead) return size;
  } finally {
    await handle.close();
  }
  return sizeOfBytes(await fs.readFile(file.source));
}

/**
 * Image sizes by file, kept while a file keeps its size and mtime. One lives in each SiteBuild: for a
 * build that is one pass, for the dev server every step after the first reads only what changed.
 */
export class ImageSizes {
  readonly #read: (file: ImageFile) => Promise<ImageSize | null>;
  readonly #entries = new Map<string, { size: number; mtimeMs: number; result: ImageSize | null }>();

  /** `read` is the reader (tests count its calls). */
  constructor(read: (file: ImageFile) => Promise<ImageSize | null> = readImageSize) {
    this.#read = read;
  }

  /** The size of `file`, read only when it is new or its size or mtime changed; null when it is no image. */
  async of(file: ImageFile): Promise<ImageSize | null> {
    const hit = this.#entries.get(file.source);
    if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) return hit.result;
    const result = await this.#read(file).catch(() => null);
    this.#entries.set(file.source, { size: file.size, mtimeMs: file.mtimeMs, result });
    return result;
  }

  /** Forgets files no longer asked for. */
  keepOnly(sources: Iterable<string>): void {
    const keep = new Set(sources);
    for (const source of this.#entries.keys()) if (!keep.has(source)) this.#entries.delete(source);
  }
}
