// The picture a shared link shows (og:image, twitter:image, the JSON-LD Article's image), as written in
// front-matter `image:` or site config `image:`: a path under /media/ or an https URL, alone or as
// `{ src, alt }`. Which one a page uses is decided in src/site/share-image.ts.
//
// Link previews (Facebook, X, LinkedIn, WeChat, Slack) show PNG, JPEG, GIF and WebP; they ignore SVG,
// and AVIF, BMP, TIFF and ICO are not shown reliably. A share image set in one of those would silently
// show nothing, so it is an error where it is set, and skipped when a body's first image stands in.
import { mediaName, type MediaImage } from "./images.ts";
import { describeValue } from "./problems.ts";

/** A share image as written, and where, so that a missing file is reported at its line. */
export interface ShareImageSource {
  /** "/media/2024/cover.png" or "https://…", trimmed. */
  src: string;
  /** Its description; "" for none (the page's title stands in). */
  alt: string;
  file: string;
  line: number;
  column: number;
}

const SHARE_TYPES = new Set(["jpg", "jpeg", "png", "gif", "webp"]);
const NOT_SHOWN = new Set(["svg", "avif", "bmp", "tif", "tiff", "ico"]);

export const SHARE_IMAGE_EXPECTED =
  'a PNG, JPEG, GIF or WebP image: a path under /media/ ("/media/2024/cover.png") or an https:// URL, alone or as { src, alt }';

/** Why `src` cannot be a share image (a few words), or null when it can. */
export function shareImageProblem(src: string): string | null {
  if (src === "") return "an empty path";
  if (/[\s\p{Cc}\p{Cf}\\]/u.test(src)) return "whitespace, a control character or a backslash in it";
  if (src.startsWith("/media/")) {
    const ext = extension(src);
    return SHARE_TYPES.has(ext) ? null : `a ${ext ? `.${ext}` : "extensionless"} file, which link previews do not show`;
  }
  if (!/^https:\/\/[^/?#]/i.test(src) || !URL.canParse(src)) return "neither a path under /media/ nor an https:// URL";
  const ext = extension(new URL(src).pathname);
  return NOT_SHOWN.has(ext) ? `a .${ext} image, which link previews do not show` : null;
}

/** Whether a body image under /media/ (its name below media/) may stand in as the share image. */
export function isShareType(name: string): boolean {
  return SHARE_TYPES.has(extension(name));
}

function extension(pathname: string): string {
  const base =
    pathname
      .replace(/[?#].*$/s, "")
      .split("/")
      .pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** Reports a problem at `path` (below the key the image is written under). */
type Report = (path: (string | number)[], found: string, expected: string) => void;

/** `image:` — a text, or `{ src, alt }`. Null when absent or wrong (wrong is reported). */
export function readShareImage(value: unknown, report: Report): { src: string; alt: string } | null {
  if (value === undefined || value === null) return null;
  let src: unknown = value;
  let alt: unknown = "";
  if (typeof value === "object" && !Array.isArray(value)) {
    const fields = value as Record<string, unknown>;
    const unknown = Object.keys(fields).find((key) => key !== "src" && key !== "alt");
    if (unknown !== undefined) return (report([unknown], `unknown key "${unknown}"`, "src and alt only"), null);
    src = fields.src;
    alt = fields.alt ?? "";
    if (typeof alt !== "string") return (report(["alt"], describeValue(alt), "text: what the image shows"), null);
  }
  if (typeof src !== "string")
    return (report(src === value ? [] : ["src"], describeValue(src), SHARE_IMAGE_EXPECTED), null);
  const reason = shareImageProblem(src.trim());
  if (reason)
    return (report(src === value ? [] : ["src"], `${JSON.stringify(src)} (${reason})`, SHARE_IMAGE_EXPECTED), null);
  return { src: src.trim(), alt: (alt as string).trim() };
}

/** Where an image's src is written: the key itself, or its `src:` below it. */
export function srcPath(value: unknown): string[] {
  return typeof value === "object" && value !== null ? ["image", "src"] : ["image"];
}

/** A share image under /media/ as one of its file's media images, so the media check finds it (and reads its size). */
export function shareMediaImage(image: ShareImageSource): MediaImage | null {
  const name = mediaName(image.src);
  return name === null
    ? null
    : { src: image.src, name, line: image.line, column: image.column, alt: image.alt, field: "image" };
}
