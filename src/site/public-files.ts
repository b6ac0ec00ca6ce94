// The files of content/public/ as the site sees them: their site paths (checked for collisions with the
// pages, src/site/collisions.ts), the favicon they may hold, and the footer's 公安備案 emblem, which must
// be a file the site publishes (content/media/ or content/public/) and is shown at a fixed height.
import path from "node:path";
import type { SiteConfig } from "../config/site.ts";
import { GONGAN_ICON_EXPECTED } from "../config/beian.ts";
import type { Problem } from "../content/problems.ts";
import type { ImageSize, ImageSizes } from "../files/image-size.ts";
import { selectMedia, type MediaFile, type MediaSelection } from "../files/media.ts";
import { selectPublic } from "../files/public.ts";
import { MEDIA_PATH } from "./paths.ts";

/** Favicon files Wenku links from every head, in the order written; `type` as browsers expect it. */
const FAVICONS = [
  { path: "/favicon.ico", type: "image/x-icon" },
  { path: "/favicon.png", type: "image/png" },
  { path: "/favicon.svg", type: "image/svg+xml" },
] as const;

export interface Favicon {
  /** Site path ("/favicon.svg"), without the prefix. */
  path: string;
  type: string;
}

/** The favicons among the public files' site paths, .ico, .png, .svg in that order. */
export function faviconsOf(publicPaths: readonly string[]): Favicon[] {
  const present = new Set(publicPaths);
  return FAVICONS.filter((f) => present.has(f.path)).map((f) => ({ ...f }));
}

/**
 * The one favicon a feed names (Atom `<icon>`, JSON Feed `favicon`/`icon`), or null: PNG first, which
 * every feed reader shows, then ICO, then SVG. A site path: the caller adds prefix and origin.
 */
export function faviconOf(publicPaths: readonly string[]): Favicon | null {
  const found = faviconsOf(publicPaths);
  for (const type of ["image/png", "image/x-icon", "image/svg+xml"]) {
    const favicon = found.find((f) => f.type === type);
    if (favicon) return favicon;
  }
  return null;
}

/** The emblem's height in the footer, in CSS pixels (the line's height): its width follows its shape. */
export const GONGAN_ICON_HEIGHT = 16;

/** The size the emblem is shown at: GONGAN_ICON_HEIGHT high, as wide as its own proportions make it. */
export function iconDisplaySize(size: ImageSize): ImageSize {
  const width = Math.max(1, Math.round((size.width * GONGAN_ICON_HEIGHT) / size.height));
  return { width, height: GONGAN_ICON_HEIGHT };
}

/** A file content/public/ publishes. */
export interface PublicFile {
  /** Its site path ("/favicon.ico"), decoded, without the prefix. */
  path: string;
  /** The file as the owner sees it (content/public/favicon.ico): what problems name. */
  file: string;
}

export interface SiteFiles {
  /** The files content/public/ publishes, in name order. */
  publicFiles: PublicFile[];
  /** The footer emblem's displayed size, when there is one. */
  gonganIcon: ImageSize | null;
  problems: Problem[];
}

export interface SiteFilesOptions {
  contentDir: string;
  /** The site config file, and where a setting is in it: what a problem with the emblem names. */
  siteFile: string;
  locate(path: (string | number)[]): { line: number; column: number };
  /** Where image sizes are read and kept (the build's, the dev server's); a fresh reader otherwise. */
  sizes: ImageSizes;
}

/** Lists content/public/ and checks the footer emblem; a site without either lists nothing. */
export async function checkSiteFiles(config: SiteConfig, options: SiteFilesOptions): Promise<SiteFiles> {
  const selection = await selectPublic(options.contentDir);
  const publicDir = path.join(options.contentDir, "public");
  const publicFiles = selection.files.map((f) => ({
    path: `/${f.name}`,
    file: path.join(publicDir, ...f.name.split("/")),
  }));
  const icon = config.footer.gongan?.icon;
  if (!icon) return { publicFiles, gonganIcon: null, problems: [] };
  const problems: Problem[] = [];
  const problem = (found: string, expected = GONGAN_ICON_EXPECTED) =>
    problems.push({
      file: options.siteFile,
      ...options.locate(["footer", "gongan", "icon"]),
      field: "footer.gongan.icon",
      found,
      expected,
    });
  const inMedia = icon.startsWith(MEDIA_PATH);
  const chosen = inMedia ? await selectMedia(options.contentDir) : selection;
  const folder = inMedia ? path.join(options.contentDir, "media") : publicDir;
  const name = safeDecode(icon.slice(inMedia ? MEDIA_PATH.length : 1));
  const file = chosen.files.find((f) => f.name === name);
  if (!file) {
    const leftOut = leftOutReason(chosen, folder, name);
    problem(
      leftOut
        ? `"${icon}": ${path.join(folder, name)} is not published (${leftOut})`
        : `"${icon}": there is no file ${path.join(folder, ...name.split("/"))}`,
    );
    return { publicFiles, gonganIcon: null, problems };
  }
  const size = await options.sizes.of(file satisfies MediaFile);
  if (!size) {
    problem(`"${icon}": ${file.source} is not an image whose size can be read`, "a PNG, GIF, JPEG, WebP or SVG image");
    return { publicFiles, gonganIcon: null, problems };
  }
  return { publicFiles, gonganIcon: iconDisplaySize(size), problems };
}

function leftOutReason(selection: MediaSelection, folder: string, name: string): string | null {
  const found = selection.leftOut.find((l) => path.relative(folder, l.file).split(path.sep).join("/") === name);
  return found?.reason ?? null;
}

/** A site path as written in site config, decoded once ("%E5%9B%BE" or "图" alike); kept when not decodable. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
