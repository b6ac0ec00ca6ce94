// IndexNow's key file: `{key}.txt` holding exactly the key (no newline, no markup), at the site's root
// under the path prefix, written by the build as one of its generated files when `submit.indexnow.key`
// is set. Engines fetch it (the request's keyLocation) to check that whoever submits URLs controls the
// site; a key file in a folder vouches only for URLs under that folder, which is where the site is.
// Protocol: https://www.indexnow.org/documentation ("Option 2: hosting a text key file").
import type { SiteConfig } from "../config/site.ts";
import { href } from "../content/permalink.ts";

export interface KeyFile {
  /** Site path, without the prefix (the output folder's root is the prefix). */
  path: string;
  text: string;
  /** Its absolute URL: the keyLocation sent with every IndexNow request. */
  url: string;
}

/** The key file of a site whose config sets an IndexNow key; null when IndexNow is off. */
export function indexNowKeyFile(config: Pick<SiteConfig, "url" | "pathPrefix" | "submit">): KeyFile | null {
  const key = config.submit.indexnow.key;
  if (key === null) return null;
  const path = `/${key}.txt`;
  return { path, text: key, url: config.url + href(config.pathPrefix, path) };
}
