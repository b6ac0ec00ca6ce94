// The search page must not jump when its results arrive (issue 14: Lighthouse measured Cumulative Layout
// Shift 0.85 on desktop). The sample archive is built and served, the page opened in real Chromium with a
// query in the address, the index held back a little so the page is painted before the results come, and
// the layout shifts the page itself reports (PerformanceObserver "layout-shift", buffered) are summed as
// CLS defines it: shifts without recent input, grouped in session windows, the largest window counting.
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.ts";
import { build, PROJECT, type BuildResult } from "./helpers/build.ts";
import { serveStatic, type StaticServer } from "./helpers/static-server.ts";

const T = 60_000;
/** How long the first request of the search script is held: a slow network, so results come after the first paint. */
const INDEX_DELAY_MS = 400;

/** One layout-shift entry as the page reported it, with where its moved elements were and went. */
interface Shift {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
  sources: string[];
}

/**
 * CLS from layout-shift entries (https://web.dev/articles/cls): shifts within 500 ms of input are left
 * out; the rest fall into session windows (a gap of under 1 s to the previous shift, at most 5 s from the
 * window's first); the largest window's sum is the score.
 */
function cumulativeLayoutShift(shifts: readonly Shift[]): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of [...shifts].filter((s) => !s.hadRecentInput).sort((a, b) => a.startTime - b.startTime)) {
    if (s.startTime - last >= 1000 || s.startTime - first >= 5000) {
      sum = 0;
      first = s.startTime;
    }
    sum += s.value;
    last = s.startTime;
    best = Math.max(best, sum);
  }
  return best;
}

// Runs in the page before any of its own scripts: records every layout shift from the start of the load
// (buffered) and the moment the first result is put on the page.
function watchLayout(): void {
  const w = window as unknown as { shifts: Shift[]; firstResultAt?: number };
  w.shifts = [];
  const rect = (r: DOMRectReadOnly) =>
    `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<PerformanceEntry & Record<string, unknown>>) {
      const sources = entry.sources as Array<{
        node?: Node;
        previousRect: DOMRectReadOnly;
        currentRect: DOMRectReadOnly;
      }>;
      w.shifts.push({
        value: entry.value as number,
        startTime: entry.startTime,
        hadRecentInput: entry.hadRecentInput as boolean,
        sources: sources.map((s) => {
          const el = s.node instanceof Element ? s.node : null;
          const name = el
            ? `${el.tagName.toLowerCase()}${el.className ? `.${el.className.split(" ").join(".")}` : ""}`
            : "?";
          return `${name} ${rect(s.previousRect)} → ${rect(s.currentRect)}`;
        }),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  new MutationObserver((_, observer) => {
    if (!document.querySelector(".search-result")) return;
    w.firstResultAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

let site: BuildResult;
let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Classic scrollbars, as desktop Chrome and Lighthouse have them: a scrollbar appearing when results
  // make the page scroll moves the whole centred column.
  [site, browser] = await Promise.all([build(path.join(PROJECT, "content")), launchBrowser({ scrollbars: true })]);
  if (site.code !== 0) throw new Error(`sample archive build failed:\n${site.stderr}`);
  server = await serveStatic(site.output);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.close();
});

const SCREENS: Array<[string, BrowserContextOptions]> = [
  ["desktop 1350×940 (Lighthouse's desktop preset)", { viewport: { width: 1350, height: 940 } }],
  ["phone 375×740", { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];
// A Chinese query with a few results, and an English one whose results run past the first screen.
const QUERIES = [
  { q: "渠道", pastFirstScreen: false },
  { q: "the", pastFirstScreen: true },
];

describe("the search page keeps still while its results arrive (CLS < 0.1)", () => {
  for (const [screen, options] of SCREENS) {
    for (const { q, pastFirstScreen } of QUERIES) {
      it(
        `${screen}, /search/?q=${q}`,
        async () => {
          const context = await browser.newContext(options);
          contexts.push(context);
          const page = await context.newPage();
          await page.addInitScript(watchLayout);
          await page.route("**/pagefind/shards.json", async (route) => {
            await new Promise((resolve) => setTimeout(resolve, INDEX_DELAY_MS));
            await route.continue();
          });
          await page.goto(new URL(`search/?q=${encodeURIComponent(q)}`, server.url).href);
          await page.locator(".search-result").first().waitFor();
          await expect.poll(() => page.locator(".search-status").innerText()).toContain(q);
          // Layout-shift entries are reported after the frame that moved; give them two frames and a moment.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await page.waitForTimeout(300);

          const m = await page.evaluate(() => {
            const w = window as unknown as { shifts: Shift[]; firstResultAt?: number };
            const paint = performance.getEntriesByName("first-contentful-paint")[0];
            const list = document.querySelector(".search-list")!.getBoundingClientRect();
            return {
              shifts: w.shifts,
              firstResultAt: w.firstResultAt,
              firstPaint: paint?.startTime,
              listBottom: list.bottom,
              innerHeight,
            };
          });
          // The scenario itself: the page was on screen before the results came.
          expect(m.firstPaint, "no first-contentful-paint entry").toBeDefined();
          expect(m.firstResultAt!, "the results were on the page before its first paint").toBeGreaterThan(
            m.firstPaint!,
          );
          if (pastFirstScreen)
            expect(m.listBottom, "the results end on the first screen").toBeGreaterThan(m.innerHeight);

          const cls = cumulativeLayoutShift(m.shifts);
          const report = m.shifts.map(
            (s) => `  ${s.value.toFixed(4)} at ${Math.round(s.startTime)} ms: ${s.sources.join("; ")}`,
          );
          expect(cls, `CLS ${cls.toFixed(4)} on ${screen} for "${q}":\n${report.join("\n")}`).toBeLessThan(0.1);
        },
        T,
      );
    }
  }
});

describe("the search page without script", () => {
  it(
    "keeps no room for results: the no-script line sits under the form and the archive link on the first screen (375×740)",
    async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(new URL("search/?q=渠道", server.url).href);
      const m = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return {
          form: box("main .search-form").bottom,
          noscript: box("main noscript + .search-results").top,
          results: box(".search-results").height,
          archive: box(".search-browse a").bottom,
          innerHeight,
        };
      });
      // (Its empty status line keeps its one line.)
      expect(m.results, "the empty results region keeps room without script").toBeLessThan(m.innerHeight / 10);
      expect(m.noscript, "the results region follows the no-script line").toBeGreaterThan(m.form);
      expect(m.archive, "the archive link is not on the first screen").toBeLessThanOrEqual(m.innerHeight);
    },
    T,
  );
});
