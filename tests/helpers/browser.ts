// Real Chromium for end-to-end tests: the system's (Debian) build, driven by playwright-core. A missing
// browser is an error that says how to install one — never a skipped test.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * `scrollbars`: classic scrollbars that take width, as desktop Chrome (and Lighthouse's headless Chrome)
 * has them; Playwright hides them by default in headless mode, which hides the jump of a centred page when
 * a scrollbar appears.
 */
export async function launchBrowser(options: { scrollbars?: boolean } = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. The end-to-end tests need a real browser: on Debian/Ubuntu run ` +
        `"apt-get install -y chromium" (as root), or set CHROMIUM_PATH to a Chrome/Chromium binary ` +
        `(e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test).`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(options.scrollbars ? { ignoreDefaultArgs: ["--hide-scrollbars"] } : {}),
  });
}
