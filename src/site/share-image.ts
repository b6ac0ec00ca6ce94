// Which picture a shared link of a page shows (og:image, twitter:image, the JSON-LD Article's image):
// an article's front-matter `image`, else the first image of its body that is a site media file a link
// preview can show (PNG, JPEG, GIF, WebP: never an SVG), else site config's `image`; pages that are not
// articles show site config's. Remote body images are not taken: an imported archive's hotlinked
// pictures are often gone, and their size is unknown.
import { isShareType, type ShareImageSource } from "../content/share-image.ts";
import { mediaName, type MediaImage } from "../content/images.ts";
import type { ImageSize } from "../files/image-size.ts";

/** A share image as the head shows it. */
export interface ShareImage {
  /** Absolute, percent-encoded. */
  url: string;
  /** Its description; "" when none was written (the head uses the page's title). */
  alt: string;
  /** Pixels, when the file is a site media file whose size the build read; else null. */
  width: number | null;
  height: number | null;
}

export interface ShareContext {
  /** The site's origin ("https://archive.example.org"). */
  origin: string;
  /** Site path → href (path prefix added, percent-encoded). */
  link(path: string): string;
}

/** A share image as written (front-matter or site config), with the size read for its file if any. */
export function shareImage(
  source: Pick<ShareImageSource, "src" | "alt">,
  size: ImageSize | undefined,
  ctx: ShareContext,
): ShareImage {
  const name = mediaName(source.src);
  // A URL was checked to parse (src/content/share-image.ts); URL.href percent-encodes what needs it.
  const url = name === null ? new URL(source.src).href : ctx.origin + ctx.link(`/media/${name}`);
  return { url, alt: source.alt, width: size?.width ?? null, height: size?.height ?? null };
}

/**
 * An article's share image: its own `image`, else its body's first media image a preview can show, else
 * `fallback` (the site's). `images` are the article file's media images (body ones in order, then the
 * front-matter one), `sizes` their sizes by src.
 */
export function articleShareImage(
  own: ShareImageSource | null,
  images: readonly MediaImage[],
  sizes: Readonly<Record<string, ImageSize>>,
  fallback: ShareImage | null,
  ctx: ShareContext,
): ShareImage | null {
  if (own) return shareImage(own, sizes[own.src], ctx);
  const first = images.find((image) => image.field === undefined && isShareType(image.name));
  return first ? shareImage({ src: first.src, alt: first.alt }, sizes[first.src], ctx) : fallback;
}
