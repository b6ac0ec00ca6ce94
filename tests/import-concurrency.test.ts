// An author goes on working while an import runs: edits made between the import's planning and its
// writing must all survive. The import is held at that point by its own "checked" step (everything
// read, planned and validated; nothing written yet), where the test edits the content folder as an
// author would, then lets it go on.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "../src/site/load-site.ts";
import { importSpecs, newContent, OWN, type ItemSpec } from "./helpers/import-items.ts";

const A: ItemSpec = { key: "/a/1.html", title: "第一篇", trail: ["研究"], text: "一" };
const B: ItemSpec = { key: "/a/2.html", title: "第二篇", trail: ["研究"], text: "二" };
const C: ItemSpec = { key: "/a/3.html", title: "第三篇", trail: ["研究"], text: "三" };
const D: ItemSpec = { key: "/a/4.html", title: "第四篇", trail: ["研究"], text: "四" };
const article = (title: string, text: string) =>
  `---\ntitle: ${title}\ncategory: research\ndate: 2021-05-06\n---\n${text}\n`;

describe("edits made while an import runs", () => {
  it("all survive: an edited and a deleted article the import wanted to update, new articles, a file at a planned name, an untouched article", async () => {
    const { content, source } = newContent();
    expect((await importSpecs([A, B], content, source)).problems).toEqual([]);
    const at = (rel: string) => path.join(content, "articles/research", rel);
    const editedA = readFileSync(at("1.md"), "utf8").replace("一", "一，作者在導入時修訂");
    const ownEdited = OWN.replace("自己寫的", "自己寫的，導入時又改了");

    // The source changed A and B and gained C and D; the author works meanwhile.
    const r = await importSpecs(
      [{ ...A, text: "一（來源修訂）" }, { ...B, text: "二（來源修訂）" }, C, D],
      content,
      source,
      {
        onStep: async (step) => {
          if (step !== "checked") return;
          writeFileSync(at("1.md"), editedA);
          rmSync(at("2.md"));
          writeFileSync(at("mine.md"), article("導入時新寫的", "新的一篇。"));
          writeFileSync(at("4.md"), article("作者的四", "與導入的第四篇同名。"));
          writeFileSync(at("own.md"), ownEdited);
          // A second import meanwhile is refused, not interleaved.
          await expect(importSpecs([A], content, source)).rejects.toThrow(
            /another import \(process \d+\) is writing into this content folder/,
          );
        },
      },
    );

    expect(readFileSync(at("1.md"), "utf8")).toBe(editedA);
    expect(existsSync(at("2.md"))).toBe(false);
    expect(readFileSync(at("mine.md"), "utf8")).toBe(article("導入時新寫的", "新的一篇。"));
    expect(readFileSync(at("4.md"), "utf8")).toBe(article("作者的四", "與導入的第四篇同名。"));
    expect(readFileSync(at("own.md"), "utf8")).toBe(ownEdited);
    expect(readFileSync(at("3.md"), "utf8")).toContain("三");
    expect(r.written).toEqual([{ url: "/a/3.html", file: "articles/research/3.md", status: "new" }]);
    expect(r.conflicts).toEqual([
      {
        url: "/a/1.html",
        file: "articles/research/1.md",
        reason: "edited while the import ran; kept as the author made it",
      },
      { url: "/a/2.html", file: "articles/research/2.md", reason: "deleted while the import ran; left out" },
      {
        url: "/a/4.html",
        file: "articles/research/4.md",
        reason: "a file of that name appeared while the import ran; kept as it is",
      },
    ]);
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toContain(
      "- /a/1.html (articles/research/1.md): edited while the import ran; kept as the author made it",
    );
    expect((await checkSite({ contentDir: content, drafts: true })).problems).toEqual([]);

    // The next import still knows the author's edit is the author's, and never takes their file for its own.
    const next = await importSpecs([{ ...A, text: "一（來源修訂）" }, C, D], content, source);
    expect(readFileSync(at("1.md"), "utf8")).toBe(editedA);
    expect(next.conflicts).toEqual([
      { url: "/a/1.html", file: "articles/research/1.md", reason: "edited since it was imported; kept as it is" },
    ]);
    expect(next.written).toEqual([{ url: "/a/4.html", file: "articles/research/4-2.md", status: "new" }]);
    expect(readFileSync(at("4.md"), "utf8")).toBe(article("作者的四", "與導入的第四篇同名。"));
  });

  it("stop the import when the author changes the category registry it was about to extend: nothing else is written, and the next run finishes", async () => {
    const { content, source } = newContent();
    const registry = path.join(content, "_data/categories.json");
    const theirs = '[{ "slug": "research", "name": "研究" }, { "slug": "essays", "name": "隨筆" }]\n';
    const news: ItemSpec = { key: "/n/1.html", title: "新聞一", trail: ["新聞"], text: "新" };
    const r = await importSpecs([A, news], content, source, {
      onStep: (step) => {
        if (step === "checked") writeFileSync(registry, theirs);
      },
    });
    expect(readFileSync(registry, "utf8")).toBe(theirs);
    expect(r.written).toEqual([]);
    expect(r.conflicts).toEqual([
      {
        url: "",
        file: "_data/categories.json",
        reason: "changed while the import ran; kept as it is, and nothing else was written — import again",
      },
      {
        url: "/a/1.html",
        file: "articles/research/1.md",
        reason: "not written: the category registry changed while the import ran — import again",
      },
      {
        url: "/n/1.html",
        file: "articles/xin-wen/1.md",
        reason: "not written: the category registry changed while the import ran — import again",
      },
    ]);
    expect(existsSync(path.join(content, "articles/research/1.md"))).toBe(false);
    expect((await checkSite({ contentDir: content, drafts: true })).problems).toEqual([]);

    const again = await importSpecs([A, news], content, source);
    expect(again.conflicts).toEqual([]);
    expect(again.written.map((w) => w.file)).toEqual(["articles/research/1.md", "articles/xin-wen/1.md"]);
    expect(JSON.parse(readFileSync(registry, "utf8")).map((c: { slug: string }) => c.slug)).toEqual([
      "research",
      "essays",
      "xin-wen",
    ]);
  });
});
