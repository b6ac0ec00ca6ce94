// The bundled sample archive, built for real, served over HTTP and read in real Chromium: the reader's
// paths through the site (main navigation, pager, article, previous/next, breadcrumb, back to list),
// small screens, accessibility (axe), screenshots, and a build under a path prefix.
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.ts";
import { build, PROJECT, type BuildResult } from "./helpers/build.ts";
import { serveStatic, type StaticServer } from "./helpers/static-server.ts";

const CONTENT = path.join(PROJECT, "content");
const ARTIFACTS = path.join(PROJECT, "test-artifacts");
const PREFIX = "/archive/";
const TABLE_ARTICLE = "/research/marketing/industrial-marketing/buying-centre/";
const ARTICLE = "/research/methods/sample-size/";
const CJK_ARTICLE = "/research/marketing/industrial-marketing/渠道衝突/";
const CJK_TITLE = "經銷商渠道衝突：三種化解辦法";
const SEARCH_RESULTS = "/search/?q=渠道";
const TOC_ARTICLE = "/research/methods/sell-out-data/";
const PINNED_LIST = "/research/marketing/industrial-marketing/";
const PINNED_TITLE = "工業品客戶的採購決策鏈";
const T = 60_000;

let site: BuildResult;
let prefixed: BuildResult;
let server: StaticServer;
let prefixedServer: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [site, prefixed, browser] = await Promise.all([
    build(CONTENT),
    build(CONTENT, { args: ["--path-prefix", PREFIX] }),
    launchBrowser(),
  ]);
  if (site.code !== 0) throw new Error(`sample archive build failed:\n${site.stderr}`);
  if (prefixed.code !== 0)
    throw new Error(`sample archive build with --path-prefix ${PREFIX} failed:\n${prefixed.stderr}`);
  [server, prefixedServer] = await Promise.all([
    serveStatic(site.output),
    serveStatic(prefixed.output, { prefix: PREFIX }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await Promise.allSettled([server?.close(), prefixedServer?.close()]);
});

/** A fresh page in its own context (default 1280×800). */
async function open(options: { width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  contexts.push(context);
  return context.newPage();
}

/** Absolute URL of a site path on the plain (unprefixed) server; percent-encodes non-ASCII paths. */
const at = (sitePath: string) => new URL(sitePath.replace(/^\//, ""), server.url).href;

/** Clicks a link and waits for the page its href names; returns that URL. */
async function follow(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  const href = await link.getAttribute("href");
  expect(href, `${selector} on ${page.url()} has no href`).toBeTruthy();
  const expected = new URL(href!, page.url()).href;
  await Promise.all([page.waitForURL(expected), link.click()]);
  expect(page.url()).toBe(expected);
  return expected;
}

const pathOf = (url: string) => new URL(url).pathname;

/** Fails naming the widest elements when the page scrolls sideways. */
async function expectNoOverflow(page: Page, label: string): Promise<void> {
  const m = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 10)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(/\s+/).join(".")}` : ""} (right ${Math.round(el.getBoundingClientRect().right)})`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits };
  });
  expect(
    m.scrollWidth,
    `${label} is ${m.scrollWidth}px wide at ${m.innerWidth}px; wider than the viewport: ${m.culprits.join(", ")}`,
  ).toBeLessThanOrEqual(m.innerWidth);
}

/** Collects script errors, failed requests and CSP violations on a page. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => void (m.type() === "error" && errors.push(`console: ${m.text()}`)));
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()}`));
  return errors;
}
const h1 = (page: Page) => page.locator("main h1").innerText();

/** Runs axe on the page as it is and fails naming every serious or critical violation. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length, "axe did not run").toBeGreaterThan(0);
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join("\n")}`,
    )
    .join("\n");
  expect(bad.length, `axe on ${label}:\n${report}`).toBe(0);
}

describe("a reader's paths through the sample archive", () => {
  it(
    "follows the main navigation to 研究 and pages through its list with the pager (rel=next to page 2 and rel=prev back)",
    async () => {
      const page = await open();
      await page.goto(at("/"));
      await follow(page, 'nav.main-nav a:text-is("研究")');
      expect(pathOf(page.url())).toBe("/research/");
      expect(await h1(page)).toBe("研究");
      expect(await page.locator('nav.pager [aria-current="page"]').innerText()).toBe("1");

      await follow(page, 'nav.pager a[rel="next"]');
      expect(pathOf(page.url())).toBe("/research/page/2/");
      expect(await page.locator('nav.pager [aria-current="page"]').innerText()).toBe("2");
      const page2Titles = await page.locator("main > ul.article-list .article-list-title a").allInnerTexts();
      expect(page2Titles.length).toBeGreaterThan(0);

      await follow(page, 'nav.pager a[rel="prev"]');
      expect(pathOf(page.url())).toBe("/research/");
      expect(await page.locator('nav.pager [aria-current="page"]').innerText()).toBe("1");
      const page1Titles = await page.locator("main > ul.article-list .article-list-title a").allInnerTexts();
      expect(page1Titles.filter((t) => page2Titles.includes(t))).toEqual([]);
    },
    T,
  );

  it(
    "opens an article from the list, then follows 上一篇 and 下一篇 to the neighbours the page names",
    async () => {
      const page = await open();
      await page.goto(at("/research/"));
      const first = page.locator("main > ul.article-list .article-list-title a").first();
      const title = (await first.innerText()).trim();
      const article = await follow(page, "main > ul.article-list .article-list-title a");
      expect(await h1(page)).toBe(title);

      // The newest article of the research tree has an older neighbour; going there and then to its newer
      // neighbour must come back here.
      const prev = page.locator('nav.prev-next .prev-next-prev a[rel="prev"]');
      expect(await prev.count(), `no 上一篇 link on ${page.url()}`).toBe(1);
      expect((await page.locator("nav.prev-next .prev-next-prev").innerText()).startsWith("上一篇：")).toBe(true);
      const prevText = (await prev.innerText()).trim();
      const prevUrl = await follow(page, 'nav.prev-next a[rel="prev"]');
      expect(prevUrl).not.toBe(article);
      expect(await h1(page)).toBe(prevText);

      const next = page.locator('nav.prev-next .prev-next-next a[rel="next"]');
      expect(await next.count(), `no 下一篇 link on ${page.url()}`).toBe(1);
      expect((await page.locator("nav.prev-next .prev-next-next").innerText()).startsWith("下一篇：")).toBe(true);
      const nextText = (await next.innerText()).trim();
      const nextUrl = await follow(page, 'nav.prev-next a[rel="next"]');
      expect(nextUrl).toBe(article);
      expect(await h1(page)).toBe(nextText);
      expect(nextText).toBe(title);
    },
    T,
  );

  it(
    "follows the breadcrumb from an article back to its category",
    async () => {
      const page = await open();
      await page.goto(at(CJK_ARTICLE));
      const crumbs = page.locator("nav.breadcrumbs ol li a");
      const categoryName = (await crumbs.last().innerText()).trim();
      await follow(page, "nav.breadcrumbs ol li:nth-last-child(2) a");
      expect(pathOf(page.url())).toBe("/research/marketing/industrial-marketing/");
      expect(await h1(page)).toBe(categoryName);
      expect(await page.locator('nav.breadcrumbs [aria-current="page"]').innerText()).toBe(categoryName);
    },
    T,
  );

  for (const articlePath of [ARTICLE, CJK_ARTICLE]) {
    it(
      `"返回列表" on ${articlePath} lands on the category list page that lists it, at its entry`,
      async () => {
        const page = await open();
        await page.goto(at(articlePath));
        const articleUrl = page.url();
        const categoryHref = await page.locator("nav.breadcrumbs ol li a").last().getAttribute("href");
        const categoryPath = pathOf(new URL(categoryHref!, articleUrl).href);

        const landed = new URL(await follow(page, ".prev-next-back a"));
        expect(landed.pathname).toMatch(
          new RegExp(`^${categoryPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(page/\\d+/)?$`),
        );
        expect(landed.hash).toMatch(/^#./);
        expect(await page.evaluate(() => location.hash)).toBe(landed.hash);

        const target = page.locator(":target");
        expect(await target.count(), `no element matches ${landed.hash} on ${landed.pathname}`).toBe(1);
        const links = await target.evaluate((el) =>
          [...el.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href),
        );
        expect(links).toContain(articleUrl);
        const inView = await target.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        });
        expect(inView, `${landed.hash} is not scrolled into view`).toBe(true);
      },
      T,
    );
  }
});

describe("searching", () => {
  it(
    "finds a Traditional article with a Simplified query typed in the header box, shows the passage in Traditional, and opens it",
    async () => {
      const page = await open();
      const errors = watchForErrors(page);
      await page.goto(at("/"));
      await page.fill("header #site-search", "渠道冲突");
      await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press("header #site-search", "Enter")]);
      expect(new URL(page.url()).searchParams.get("q")).toBe("渠道冲突");

      const first = page.locator(".search-result").first();
      await first.waitFor();
      expect(await first.locator(".search-result-title a").innerText()).toBe(CJK_TITLE);
      expect(await page.locator(".search-status").innerText()).toContain("渠道冲突");
      // The excerpt comes from the article's own text, marked where it matched: Traditional, not folded.
      const marks = await first.locator(".search-result-excerpt mark").allInnerTexts();
      expect(marks.join("")).toContain("衝突");
      expect(await first.locator(".search-result-excerpt").innerText()).not.toContain("冲突");

      await follow(page, ".search-result >> nth=0 >> .search-result-title a");
      expect(decodeURI(pathOf(page.url()))).toBe(CJK_ARTICLE);
      expect(await h1(page)).toBe(CJK_TITLE);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    "finds the same article with the query in Traditional, updates as the reader types, and says when nothing matches",
    async () => {
      const page = await open();
      const errors = watchForErrors(page);
      await page.goto(at("/search/"));
      await page.fill("main #search-query", "渠道衝突");
      await expect
        .poll(
          () =>
            page
              .locator(".search-result-title a")
              .first()
              .innerText()
              .catch(() => ""),
          { timeout: 10_000 },
        )
        .toBe(CJK_TITLE);
      expect(new URL(page.url()).searchParams.get("q")).toBe("渠道衝突");

      await page.fill("main #search-query", "Key accounts");
      await expect
        .poll(
          () =>
            page
              .locator(".search-result-title a")
              .first()
              .innerText()
              .catch(() => ""),
          { timeout: 10_000 },
        )
        .toBe("Key accounts are not just big accounts");

      await page.fill("main #search-query", "zzqqxxnotaword");
      await expect
        .poll(() => page.locator(".search-status").innerText(), { timeout: 10_000 })
        .toBe("找不到與「zzqqxxnotaword」相符的文章。");
      expect(await page.locator(".search-result").count()).toBe(0);
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe("small screens (375×740)", () => {
  for (const sitePath of ["/", "/research/", TABLE_ARTICLE, SEARCH_RESULTS]) {
    it(
      `nothing overflows horizontally on ${sitePath}`,
      async () => {
        const page = await open({ width: 375, height: 740 });
        await page.goto(at(sitePath));
        if (sitePath.startsWith("/search/")) await page.locator(".search-result").first().waitFor();
        await expectNoOverflow(page, sitePath);
      },
      T,
    );
  }
});

describe("accessibility (axe-core)", () => {
  const pages: Array<[string, string]> = [
    ["home", "/"],
    ["category", "/research/marketing/industrial-marketing/"],
    ["article", TABLE_ARTICLE],
    ["archive", "/archive/"],
    ["404", "/404.html"],
    ["search (with results)", SEARCH_RESULTS],
  ];
  for (const [name, sitePath] of pages) {
    it(
      `the ${name} page (${sitePath}) has no serious or critical violations`,
      async () => {
        const page = await open();
        const response = await page.goto(at(sitePath));
        expect(response?.status()).toBe(200);
        if (sitePath.startsWith("/search/")) await page.locator(".search-result").first().waitFor();
        await expectAccessible(page, sitePath);
      },
      T,
    );
  }

  it(
    "an unknown address gets status 404 and the site's 404 page",
    async () => {
      const page = await open();
      const response = await page.goto(at("/no-such-page/"));
      expect(response?.status()).toBe(404);
      expect(await h1(page)).toBe("找不到這個頁面");
    },
    T,
  );
});

describe("contents, tags and pinned articles on a phone (375×740)", () => {
  const PHONE = { width: 375, height: 740 };

  it(
    "the table of contents links to its headings: a click scrolls the heading into view, and the page passes axe",
    async () => {
      const page = await open(PHONE);
      await page.goto(at(TOC_ARTICLE));
      const toc = page.locator("nav.toc");
      expect(await toc.locator("h2").innerText()).toBe("目錄");
      const entries = await toc.locator("a").allInnerTexts();
      expect(entries).toContain("Treat gaps as gaps");
      const link = toc.locator('a:text-is("Treat gaps as gaps")');
      const href = (await link.getAttribute("href"))!;
      await link.click();
      await page.waitForURL((url) => url.hash === href);
      const heading = page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`);
      expect(await heading.innerText()).toBe("Treat gaps as gaps");
      const box = (await heading.boundingBox())!;
      expect(box.y, "the heading is at the top of the viewport after the click").toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(PHONE.height / 2);
      await expectNoOverflow(page, TOC_ARTICLE);
      await expectAccessible(page, TOC_ARTICLE);
    },
    T,
  );

  it(
    "an article's tag leads to the tag's page, which lists it; the tag index counts it; both pass axe",
    async () => {
      const page = await open(PHONE);
      await page.goto(at(CJK_ARTICLE));
      await follow(page, '.article-tags a:text-is("經銷商")');
      expect(decodeURI(pathOf(page.url()))).toBe("/tags/經銷商/");
      expect(await h1(page)).toBe("標籤：經銷商");
      const listed = await page.locator("main > ul.article-list .article-list-title a").allInnerTexts();
      expect(listed).toContain(CJK_TITLE);
      expect(await page.locator("nav.pager").count(), "one page: the count below is the whole list").toBe(0);
      await expectNoOverflow(page, "/tags/經銷商/");
      await expectAccessible(page, "/tags/經銷商/");

      await follow(page, 'nav.breadcrumbs a[href$="/tags/"]');
      expect(pathOf(page.url())).toBe("/tags/");
      const entry = page.locator("ul.tag-index li", { has: page.locator('a:text-is("經銷商")') });
      expect(await entry.count()).toBe(1);
      expect(await entry.locator(".count").innerText()).toBe(`${listed.length} 篇`);
      await expectNoOverflow(page, "/tags/");
      await expectAccessible(page, "/tags/");
    },
    T,
  );

  it(
    "a pinned article heads page 1 of its category, marked 置頂 in visible text, and the page passes axe",
    async () => {
      const page = await open(PHONE);
      await page.goto(at(PINNED_LIST));
      const first = page.locator("main > ul.article-list .article-list-item").first();
      expect(await first.locator(".article-list-title a").innerText()).toBe(PINNED_TITLE);
      const mark = first.locator(".pinned-mark");
      expect(await mark.innerText()).toBe("置頂");
      expect(await mark.isVisible()).toBe(true);
      expect(await page.locator(".pinned-mark").count(), "only the pinned article is marked").toBe(1);
      await expectNoOverflow(page, PINNED_LIST);
      await expectAccessible(page, PINNED_LIST);

      await follow(page, "main > ul.article-list .article-list-item >> nth=0 >> .article-list-title a");
      expect(await h1(page)).toBe(PINNED_TITLE);
      await follow(page, "nav.prev-next .prev-next-back a");
      expect(pathOf(page.url())).toBe(PINNED_LIST);
    },
    T,
  );
});

describe("screenshots", () => {
  it(
    "saves an article page at 375 px and 1280 px wide to test-artifacts/",
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const width of [375, 1280]) {
        const page = await open({ width, height: 800 });
        await page.goto(at(TABLE_ARTICLE));
        const file = path.join(ARTIFACTS, `article-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(existsSync(file)).toBe(true);
        expect(statSync(file).size).toBeGreaterThan(0);
      }
    },
    T,
  );
});

describe(`under the path prefix ${PREFIX}`, () => {
  it(
    "home → category → article → search → result: every request succeeds and stays under the prefix",
    async () => {
      const page = await open();
      const requests: Array<{ url: string; status: number }> = [];
      const failures: string[] = [];
      page.on("response", (response) => requests.push({ url: response.url(), status: response.status() }));
      page.on("requestfailed", (request) =>
        failures.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`),
      );

      await page.goto(prefixedServer.url);
      expect(pathOf(page.url())).toBe(PREFIX);
      await follow(page, 'nav.main-nav a:text-is("研究")');
      expect(pathOf(page.url())).toBe(`${PREFIX}research/`);
      await follow(page, "main > ul.article-list .article-list-title a");
      expect(pathOf(page.url()).startsWith(`${PREFIX}research/`)).toBe(true);
      expect(await page.locator('nav.prev-next a[rel="prev"], nav.prev-next a[rel="next"]').count()).toBeGreaterThan(0);

      await page.fill("header #site-search", "渠道冲突");
      await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press("header #site-search", "Enter")]);
      expect(pathOf(page.url())).toBe(`${PREFIX}search/`);
      await page.locator(".search-result").first().waitFor();
      await follow(page, ".search-result >> nth=0 >> .search-result-title a");
      expect(decodeURI(pathOf(page.url()))).toBe(`${PREFIX}${CJK_ARTICLE.slice(1)}`);
      expect(
        requests.some((r) => r.url.includes("/pagefind/")),
        "the search index was fetched",
      ).toBe(true);
      await page.waitForLoadState("networkidle");

      expect(failures).toEqual([]);
      expect(requests.length).toBeGreaterThanOrEqual(3);
      expect(
        requests.some((r) => r.url.endsWith(".css")),
        "the stylesheet was requested",
      ).toBe(true);
      const outside = requests.filter((r) => !r.url.startsWith(prefixedServer.url));
      expect(outside, `requests outside ${PREFIX}`).toEqual([]);
      const failed = requests.filter((r) => r.status >= 400 || r.status === 0);
      expect(failed, "requests with an error status").toEqual([]);
    },
    T,
  );
});
