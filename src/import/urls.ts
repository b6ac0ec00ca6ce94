// Old addresses as site paths, shared by every import source and by `npm run views`.

/**
 * A percent-encoded path, decoded segment by segment (so wget's %3F in saved file names becomes "?"); a
 * segment that is not valid UTF-8 percent-encoding is kept as it is.
 */
export function decodePath(raw: string): string {
  return raw
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}
