// `npm run new` and `npm start`, run as a user runs them, on a copy of a fixture.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/site/load-content.ts";
import { fixture, PROJECT } from "./helpers/build.ts";
import { npmRun } from "./helpers/npm.ts";

const copyOf = (name: string) => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-cmd-")), "content");
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
};
const npm = npmRun;

describe("npm run new", () => {
  it("writes an article with valid front-matter that the loader accepts", async () => {
    const content = copyOf("pagination");
    const r = await npm([
      "new",
      "--",
      "--content",
      content,
      "--category",
      "one",
      "--title",
      'Survey: "round two" & more',
      "--author",
      "林小雨",
    ]);
    expect(r.code).toBe(0);
    const file = path.join(content, "articles/one/survey-round-two-more.md");
    expect(existsSync(file)).toBe(true);
    const loaded = await loadContent({ contentDir: content, drafts: true });
    expect(loaded.problems).toEqual([]);
    const article = loaded.articles.find((a) => a.file === file)!;
    expect(article.title).toBe('Survey: "round two" & more');
    expect(article.author).toBe("林小雨");
    expect(article.date.offset).toBe(8 * 60); // Asia/Shanghai
    expect(article.draft).toBe(true);
  });

  it("keeps a Chinese title's characters in the file name", async () => {
    const content = copyOf("pagination");
    expect((await npm(["new", "--", "--content", content, "--category", "one", "--title", "工業營銷 新論"])).code).toBe(
      0,
    );
    expect(existsSync(path.join(content, "articles/one/工業營銷-新論.md"))).toBe(true);
  });

  it("refuses an unknown category with a suggestion, and never overwrites", async () => {
    const content = copyOf("pagination");
    const bad = await npm(["new", "--", "--content", content, "--category", "ovr", "--title", "x"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('did you mean "over"?');
    const file = path.join(content, "articles/one/same.md");
    expect((await npm(["new", "--", "--content", content, "--category", "one", "--title", "same"])).code).toBe(0);
    writeFileSync(file, readFileSync(file, "utf8") + "My text.\n");
    const again = await npm(["new", "--", "--content", content, "--category", "one", "--title", "same"]);
    expect(again.code).toBe(1);
    expect(readFileSync(file, "utf8")).toContain("My text.");
  });
});

describe("npm start", () => {
  let server: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  const poll = async (url: string, until: (body: string) => boolean, seconds: number) => {
    for (
      const deadline = Date.now() + seconds * 1000;
      Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 250))
    ) {
      try {
        const res = await fetch(url);
        const body = await res.text();
        if (res.ok && until(body)) return body;
      } catch {
        // not up yet
      }
    }
    throw new Error(`timed out waiting for ${url}`);
  };

  it("serves drafts and rebuilds after an article is edited", async () => {
    const content = copyOf("three-level");
    const port = 18000 + (process.pid % 1000);
    server = spawn("npm", ["start", "--", "--content", content, "--port", String(port)], {
      cwd: PROJECT,
      detached: true,
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    // The draft is built by the dev server, never by npm run build.
    await poll(`${base}/news/draft/`, (b) => b.includes("Draft article"), 60);
    // The search index follows the pages, drafts included.
    const shards = JSON.parse(await poll(`${base}/pagefind/shards.json`, () => true, 60)) as { shards: string[] };
    expect(shards.shards.length).toBeGreaterThan(0);
    expect((await fetch(`${base}/pagefind/${shards.shards[0]}pagefind.js`)).status).toBe(200);
    const file = path.join(content, "articles/im/first.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: First article", "title: First article, edited"));
    const body = await poll(
      `${base}/research/marketing/industrial-marketing/first/`,
      (b) => b.includes("First article, edited"),
      30,
    );
    expect(body).toContain("<h1>First article, edited</h1>");
    // Its neighbour's "previous" link shows the new title too.
    await poll(
      `${base}/research/marketing/industrial-marketing/a-same/`,
      (b) => b.includes("First article, edited</a>"),
      30,
    );

    // A content mistake keeps the last good page up; fixing it brings the change in.
    writeFileSync(file, readFileSync(file, "utf8").replace("date: 2012-01-01 08:00:00", "date: 2012-02-30 08:00:00"));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await (await fetch(`${base}/research/marketing/industrial-marketing/first/`)).text()).toContain(
      "First article, edited",
    );

    // A deleted article's page goes away.
    rmSync(path.join(content, "articles/im/newest.md"));
    writeFileSync(file, readFileSync(file, "utf8").replace("date: 2012-02-30 08:00:00", "date: 2012-01-01 08:00:00"));
    await poll(`${base}/research/marketing/industrial-marketing/fourth/`, (b) => !b.includes('rel="next"'), 30);
    expect((await fetch(`${base}/research/marketing/industrial-marketing/newest/`)).status).toBe(404);
  });
});
