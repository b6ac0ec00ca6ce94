// The import core (src/import/apply.ts) on real folders: killed at each step of writing and run again
// (a real child process, SIGKILL), media an author replaced, media folders that are symbolic links
// leading out, a relative symbolic link inside the content folder, view counts no page can show, the
// content folder's inode and a watcher on it, and the report's accounting.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { summaryLine } from "../src/import/apply.ts";
import { checkSite } from "../src/site/load-site.ts";
import { PROJECT, listFiles } from "./helpers/build.ts";
import { importSpecs, newContent, OWN, type ItemSpec } from "./helpers/import-items.ts";
import { npmRun } from "./helpers/npm.ts";

const A: ItemSpec = { key: "/a/1.html", title: "第一篇", trail: ["研究"], text: "一", images: ["uploads/a.png"] };
const B: ItemSpec = { key: "/a/2.html", title: "第二篇", trail: ["研究"], text: "二", links: ["/a/1.html"] };
/** The source after a change: A edited, B as it was, C and D new (in a new category, D with a new image). */
const V2: ItemSpec[] = [
  { ...A, text: "一（修訂）" },
  B,
  { key: "/b/3.html", title: "第三篇", trail: ["新聞"], text: "三", links: ["/a/1.html"] },
  { key: "/b/4.html", title: "第四篇", trail: ["新聞"], text: "四", images: ["uploads/d.png"] },
];
const PNG_1 = Buffer.from("\x89PNG first");
const PNG_2 = Buffer.from("\x89PNG second");

const problemsOf = async (content: string) =>
  (await checkSite({ contentDir: content, drafts: true })).problems.map((p) => `${p.file}: ${p.found}`);
const articlesIn = (content: string) => listFiles(path.join(content, "articles")).filter((f) => f.endsWith(".md"));
const stateOf = (content: string) => JSON.parse(readFileSync(path.join(content, "_import/test.json"), "utf8"));

/** A content folder imported from A and B, with the source then changed to V2 (a.png changed, d.png new). */
async function importedOnce() {
  const dirs = newContent();
  writeFileSync(path.join(dirs.source, "uploads/a.png"), PNG_1);
  const first = await importSpecs([A, B], dirs.content, dirs.source);
  expect(first.problems).toEqual([]);
  writeFileSync(path.join(dirs.source, "uploads/a.png"), PNG_2);
  writeFileSync(path.join(dirs.source, "uploads/d.png"), PNG_1);
  return dirs;
}

/** Runs the import of `specs` in a child process that stops at `stop` ("article:2"), and kills it there. */
async function importKilledAt(stop: string, content: string, source: string, specs: ItemSpec[]): Promise<string> {
  const itemsFile = path.join(mkdtempSync(path.join(tmpdir(), "wenku-kill-")), "items.json");
  writeFileSync(itemsFile, JSON.stringify(specs));
  // Node itself with tsx's loader, not the tsx command, which would run the import in a grandchild the kill misses.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/helpers/import-child.ts", content, source, itemsFile, stop],
    { cwd: PROJECT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("stopped at")) resolve();
      if (out.includes("finished")) reject(new Error(`the import finished without reaching ${stop}: ${out}`));
    });
    child.on("exit", () => reject(new Error(`the import exited before ${stop}: ${out}${err}`)));
  });
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  return out;
}

describe("an import killed at any step of writing", () => {
  // V2 writes the state, the registry (new category 新聞), two media files (a.png updated, d.png new) and
  // three articles (A updated first, then C and D), then the final state and the report.
  it.each(["checked", "state", "registry", "media:1", "media:2", "article:1", "article:2", "article:3", "done"])(
    "killed at %s: leaves a valid content folder, and a re-run finishes it without duplicates or conflicts",
    async (stop) => {
      const { content, source } = await importedOnce();
      const said = await importKilledAt(stop, content, source, V2);
      expect(said).toContain(`stopped at ${stop.split(":")[0]}`);
      expect(await problemsOf(content)).toEqual([]);

      const again = await importSpecs(V2, content, source);
      expect(again.problems).toEqual([]);
      expect(again.conflicts).toEqual([]);
      expect(articlesIn(content)).toEqual([
        "research/1.md",
        "research/2.md",
        "research/own.md",
        "xin-wen/3.md",
        "xin-wen/4.md",
      ]);
      expect(readFileSync(path.join(content, "articles/research/1.md"), "utf8")).toContain("一（修訂）");
      expect(readFileSync(path.join(content, "articles/xin-wen/3.md"), "utf8")).toContain("[link](/research/1/)");
      expect(readFileSync(path.join(content, "media/uploads/a.png"))).toEqual(PNG_2);
      expect(readFileSync(path.join(content, "media/uploads/d.png"))).toEqual(PNG_1);
      expect(readFileSync(path.join(content, "articles/research/own.md"), "utf8")).toBe(OWN);
      expect(JSON.stringify(stateOf(content))).not.toContain("intended");
      // Every file is known as the import's own: a third run finds nothing to do.
      const third = await importSpecs(V2, content, source);
      expect(third.written).toEqual([]);
      expect(third.mediaWritten).toEqual([]);
      expect(third.conflicts).toEqual([]);
      expect(third.unchanged.sort()).toEqual(V2.map((s) => s.key).sort());
      expect(await problemsOf(content)).toEqual([]);
    },
    60_000,
  );

  it("leaves only temporary dotfiles the checks skip, which the next import removes", async () => {
    const { content, source } = await importedOnce();
    await importKilledAt("article:1", content, source, V2);
    // What a kill in the middle of one write leaves: the new bytes in a temporary file, not yet renamed.
    const dead = await new Promise<number>((resolve) => {
      const p = spawn(process.execPath, ["-e", ""]);
      p.on("exit", () => resolve(p.pid!));
    });
    const temp = path.join(content, "articles/xin-wen", `.wenku-tmp-${dead}-0123456789ab`);
    mkdirSync(path.dirname(temp), { recursive: true });
    writeFileSync(temp, "---\ntitle: half");
    expect(await problemsOf(content)).toEqual([]);
    await importSpecs(V2, content, source);
    expect(existsSync(temp)).toBe(false);
    expect(readdirSync(path.join(content, "articles/xin-wen")).sort()).toEqual(["3.md", "4.md"]);
  }, 60_000);
});

describe("media files", () => {
  it("keeps a media file the author replaced, whether or not the source changed it, and reports it", async () => {
    const { content, source } = newContent();
    writeFileSync(path.join(source, "uploads/a.png"), PNG_1);
    await importSpecs([A], content, source);
    expect(stateOf(content).media["/uploads/a.png"].written).toMatch(/^[0-9a-f]{64}$/);
    const mine = Buffer.from("\x89PNG the author's own");
    writeFileSync(path.join(content, "media/uploads/a.png"), mine);

    // The source's article changes (so its images are looked at again); the image itself does not.
    const same = await importSpecs([{ ...A, text: "一（修訂）" }], content, source);
    expect(readFileSync(path.join(content, "media/uploads/a.png"))).toEqual(mine);
    expect(same.conflicts).toEqual([
      { url: "/a/1.html", file: "media/uploads/a.png", reason: "replaced since it was imported; kept as it is" },
    ]);

    writeFileSync(path.join(source, "uploads/a.png"), PNG_2);
    const changed = await importSpecs([{ ...A, text: "一（再修訂）" }], content, source);
    expect(readFileSync(path.join(content, "media/uploads/a.png"))).toEqual(mine);
    expect(changed.conflicts.map((c) => c.file)).toEqual(["media/uploads/a.png"]);
    expect(readFileSync(path.join(content, "_import/report.md"), "utf8")).toContain(
      "- /a/1.html (media/uploads/a.png): replaced since it was imported; kept as it is",
    );
    expect(summaryLine(changed)).toContain("media: 0 copied, 0 unchanged, 1 conflict(s)");
  });

  it("updates a media file the import wrote when the source changes it", async () => {
    const { content, source } = newContent();
    writeFileSync(path.join(source, "uploads/a.png"), PNG_1);
    await importSpecs([A], content, source);
    writeFileSync(path.join(source, "uploads/a.png"), PNG_2);
    const r = await importSpecs([{ ...A, text: "一（修訂）" }], content, source);
    expect(r.conflicts).toEqual([]);
    expect(r.mediaWritten).toEqual([{ file: "media/uploads/a.png", status: "updated" }]);
    expect(readFileSync(path.join(content, "media/uploads/a.png"))).toEqual(PNG_2);
  });

  it.each([
    ["the media folder", "media"],
    ["a folder inside it", "media/uploads"],
  ])(
    "writes nothing through %s when it is a symbolic link leading out of the content folder, and reports it",
    async (_, linked) => {
      const { root, content, source } = newContent();
      writeFileSync(path.join(source, "uploads/a.png"), PNG_1);
      const outside = path.join(root, "outside");
      mkdirSync(outside);
      mkdirSync(path.dirname(path.join(content, linked)), { recursive: true });
      symlinkSync(outside, path.join(content, linked));

      const r = await importSpecs([A], content, source);
      expect(r.problems).toEqual([]);
      expect(readdirSync(outside)).toEqual([]);
      expect(r.mediaWritten).toEqual([]);
      expect(r.refusedFiles).toEqual([
        {
          url: "/a/1.html",
          src: "/uploads/a.png",
          reason: `not copied to media/uploads/a.png: ${linked} is a symbolic link to ${outside}, outside the content folder`,
        },
      ]);
      // The article is imported, its image left pointing where it was.
      expect(readFileSync(path.join(content, "articles/research/1.md"), "utf8")).toContain(
        "![uploads/a.png](/uploads/a.png)",
      );
      expect(summaryLine(r)).toContain("1 refused");
    },
  );

  it("refuses a media file that is itself a symbolic link leading out", async () => {
    const { root, content, source } = newContent();
    writeFileSync(path.join(source, "uploads/a.png"), PNG_1);
    const secret = path.join(root, "secret.txt");
    writeFileSync(secret, "keep me");
    mkdirSync(path.join(content, "media/uploads"), { recursive: true });
    symlinkSync(secret, path.join(content, "media/uploads/a.png"));
    const r = await importSpecs([A], content, source);
    expect(readFileSync(secret, "utf8")).toBe("keep me");
    expect(r.refusedFiles.map((f) => f.reason)).toEqual([
      `not copied to media/uploads/a.png: media/uploads/a.png is a symbolic link to ${secret}, outside the content folder`,
    ]);
  });
});

describe("a relative symbolic link inside the content folder", () => {
  it("is left as it is and every import works around it, links included", async () => {
    const { content, source } = newContent();
    writeFileSync(path.join(source, "uploads/a.png"), PNG_1);
    // A second name for the research folder, written relative as authors write them.
    symlinkSync("research", path.join(content, "articles/latest"));
    const first = await importSpecs([A, B], content, source);
    expect(first.problems).toEqual([]);
    expect(first.written.map((w) => w.file).sort()).toEqual(["articles/research/1.md", "articles/research/2.md"]);
    // Again, with only B changed: A is read where the listing met it, through the link or not.
    const again = await importSpecs([A, { ...B, text: "二（修訂）" }], content, source);
    expect(again.problems).toEqual([]);
    expect(again.written.map((w) => w.file)).toEqual(["articles/research/2.md"]);
    expect(readFileSync(path.join(content, "articles/research/2.md"), "utf8")).toContain("[link](/research/1/)");
    expect(readlinkSync(path.join(content, "articles/latest"))).toBe("research");
    expect(await problemsOf(content)).toEqual([]);
  });
});

describe("the content folder itself", () => {
  it("is the same folder after an import (same inode), and a recursive watcher on it still sees edits", async () => {
    const { content, source } = newContent();
    writeFileSync(path.join(source, "uploads/a.png"), PNG_1);
    const before = statSync(content).ino;
    const seen: string[] = [];
    const watcher = watch(content, { recursive: true }, (_, name) => seen.push(String(name)));
    try {
      const r = await importSpecs([A, B], content, source);
      expect(r.written).toHaveLength(2);
      expect(statSync(content).ino).toBe(before);
      seen.length = 0;
      const own = path.join(content, "articles/research/own.md");
      writeFileSync(own, OWN.replace("自己寫的", "自己寫的，改過"));
      const deadline = Date.now() + 10_000;
      while (!seen.includes(path.join("articles", "research", "own.md")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(seen).toContain(path.join("articles", "research", "own.md"));
    } finally {
      watcher.close();
    }
  });
});

describe("view counts", () => {
  it("imports an article whose count no page can show with 0, and reports the page, what was found and what was expected", async () => {
    const { content, source } = newContent();
    const specs: ItemSpec[] = [
      { key: "/v/1.html", title: "很多", trail: ["研究"], text: "1", views: 1e20 },
      { key: "/v/2.html", title: "小數", trail: ["研究"], text: "2", views: 1.5 },
      { key: "/v/3.html", title: "負數", trail: ["研究"], text: "3", views: -3 },
      { key: "/v/4.html", title: "非數", trail: ["研究"], text: "4", views: Number.NaN },
      { key: "/v/5.html", title: "最大", trail: ["研究"], text: "5", views: Number.MAX_SAFE_INTEGER },
      { key: "/v/6.html", title: "多一", trail: ["研究"], text: "6", views: 2 ** 53 },
    ];
    const r = await importSpecs(specs, content, source);
    expect(r.problems).toEqual([]);
    expect(r.written).toHaveLength(6);
    const views = (n: number) =>
      /^views: (.*)$/m.exec(readFileSync(path.join(content, `articles/research/${n}.md`), "utf8"))?.[1];
    expect([1, 2, 3, 4, 5, 6].map(views)).toEqual(["0", "0", "0", "0", "9007199254740991", "0"]);
    const expected = "a whole number from 0 to 9007199254740991; imported as 0";
    expect(r.badViews).toEqual([
      { url: "/v/1.html", found: "100000000000000000000 (above 2^53 − 1, which a page cannot show exactly)", expected },
      { url: "/v/2.html", found: "1.5 (not a whole number)", expected },
      { url: "/v/3.html", found: "-3 (below 0)", expected },
      { url: "/v/4.html", found: "NaN (not a number)", expected },
      { url: "/v/6.html", found: "9007199254740992 (above 2^53 − 1, which a page cannot show exactly)", expected },
    ]);
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toContain(
      `## View counts not imported (set to 0)\n\n- /v/1.html: views 100000000000000000000 (above 2^53 − 1, which a page cannot show exactly) — ${expected}`,
    );
    expect(summaryLine(r)).toContain("5 view count(s) refused");
    expect(await problemsOf(content)).toEqual([]);
  });
});

describe("the report", () => {
  it("accounts for every page and every media file in one bucket each", async () => {
    const { content, source } = await importedOnce();
    // The author edits A; the source changes A and B and gains C and D.
    const a = path.join(content, "articles/research/1.md");
    writeFileSync(a, readFileSync(a, "utf8").replace("一", "一（作者）"));
    const specs = [V2[0]!, { ...B, text: "二（修訂）" }, V2[2]!, V2[3]!];
    const r = await importSpecs(specs, content, source);
    expect(summaryLine(r)).toBe(
      "4 pages → 2 new, 1 updated, 0 unchanged, 1 conflict(s), 0 skipped, 0 spam (quarantined), 0 cleaned of injected spam; media: 1 copied, 0 unchanged, 0 conflict(s), 0 refused, 0 missing; 0 view count(s) refused",
    );
    const pageBuckets =
      r.written.length +
      r.unchanged.length +
      r.conflicts.filter((c) => c.file.startsWith("articles/")).length +
      r.skipped.length +
      r.spam.length;
    expect(pageBuckets).toBe(r.pages);
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toContain("4 page(s) read: 3 written (2 new), 0 unchanged, 1 conflict(s), 0 skipped, 0 spam.");
    expect(report).toContain("Media: 1 copied (1 new), 0 unchanged, 0 conflict(s), 0 refused, 0 missing.");
    expect(report).toContain("- /a/1.html (articles/research/1.md): edited since it was imported; kept as it is");
  });
});

describe("npm run import", () => {
  it("refuses a content folder that is not one, naming it, before reading anything", async () => {
    const { root } = newContent();
    const notAFolder = path.join(root, "notes.txt");
    writeFileSync(notAFolder, "mine\n");
    const r = await npmRun(["import", "--", "legacy-html", path.join(root, "no-mirror"), "--content", notAFolder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `wenku import: refusing to write: the content folder ${notAFolder} exists and is not a folder.`,
    );
    expect(readFileSync(notAFolder, "utf8")).toBe("mine\n");
  });
});
