// An import's own check and its images: the media it is about to copy count as there (they are copied
// only after the check passes), and an image the source lacks is in the report, never in an archive
// that would then fail `npm run check`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../src/index.ts";
import { applyImport, emptyReport } from "../src/import/apply.ts";
import { importSpecs, makeItem, newContent } from "./helpers/import-items.ts";

describe("an import's images and the check", () => {
  it("passes with the images it copies, which are in media/ afterwards, and the result passes the check", async () => {
    const { content, source } = newContent();
    writeFileSync(
      path.join(source, "uploads/plant.png"),
      readFileSync(path.join(import.meta.dirname, "fixtures/image-sizes/media/chart.png")),
    );
    const report = await importSpecs(
      [{ key: "/a/1.html", title: "廠房", trail: ["研究"], text: "新廠房的照片。", images: ["uploads/plant.png"] }],
      content,
      source,
    );
    expect(report.problems).toEqual([]);
    expect(existsSync(path.join(content, "media/uploads/plant.png"))).toBe(true);
    const body = readFileSync(path.join(content, report.written[0]!.file), "utf8");
    expect(body).toContain("![uploads/plant.png](/media/uploads/plant.png)");
    expect((await check({ content })).problems).toEqual([]);
  });

  it("lists an image the source lacks under its old /media/ address, and writes nothing that would fail the check", async () => {
    const { content, source } = newContent();
    const item = makeItem({ key: "/a/2.html", title: "倉庫", trail: ["研究"], text: "倉庫的照片不見了。" }, source);
    item.bodyHtml += '<p><img src="/media/2013/gone.jpg" alt="倉庫"></p>';
    item.target = (href) => ({ kind: "missing", href });
    const report = await applyImport([item], { contentDir: content, source: "test" }, emptyReport());
    expect(report.missingFiles).toEqual([{ url: "/a/2.html", src: "/media/2013/gone.jpg" }]);
    expect(report.problems.map((p) => `${p.field}: ${p.found}`)).toEqual([
      'body: image "/media/2013/gone.jpg", which is not in content/media/',
    ]);
    expect(report.written).toEqual([]);
    expect(readFileSync(path.join(content, "_import/report.md"), "utf8")).toContain("/media/2013/gone.jpg");
    expect((await check({ content })).ok).toBe(true);
  });
});
