// Which files may be published from an archive's media folder. An allow-list, not a deny-list: a file
// a browser would run as a page on the site's own origin (.html, .xml, .js, an SVG with script) must
// never be published, since hosts that ignore _headers (GitHub Pages, plain nginx) give it no CSP.

/** Kinds of media the site publishes, by lower-case extension. */
export const MEDIA_TYPES: Readonly<Record<string, "image" | "audio" | "video" | "document" | "archive">> = {
  jpg: "image",
  jpeg: "image",
  png: "image",
  gif: "image",
  webp: "image",
  avif: "image",
  bmp: "image",
  ico: "image",
  tif: "image",
  tiff: "image",
  svg: "image",
  mp3: "audio",
  m4a: "audio",
  aac: "audio",
  ogg: "audio",
  oga: "audio",
  opus: "audio",
  wav: "audio",
  flac: "audio",
  wma: "audio",
  mp4: "video",
  m4v: "video",
  webm: "video",
  ogv: "video",
  mov: "video",
  avi: "video",
  wmv: "video",
  flv: "video",
  pdf: "document",
  doc: "document",
  docx: "document",
  xls: "document",
  xlsx: "document",
  ppt: "document",
  pptx: "document",
  odt: "document",
  ods: "document",
  odp: "document",
  rtf: "document",
  txt: "document",
  csv: "document",
  wps: "document",
  et: "document",
  zip: "archive",
  rar: "archive",
  "7z": "archive",
  gz: "archive",
};

/** Null when a file of this name may be published as media, else why not. */
export function refuseMediaName(name: string): string | null {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (!ext) return "a file without an extension (its type is unknown)";
  if (!(ext in MEDIA_TYPES)) return `a .${ext} file (media are images, audio, video, PDF and office documents)`;
  return null;
}
