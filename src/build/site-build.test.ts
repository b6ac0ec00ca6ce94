import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImageSizes, readImageSize } from "../files/image-size.ts";
import { pagesOf } from "../site/model.ts";
import { SiteBuild } from "./site-build.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../tests/fixtures/three-level");

function copy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-steps-")), "content");
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function okStep(build: SiteBuild) {
  const step = await build.step();
  if (!step.ok) throw new Error(`unexpected problems: ${JSON.stringify(step.problems)}`);
  return step;
}

describe("SiteBuild", () => {
  it("writes every page on a first step, nothing on a step after an unchanged write, and the edited pages after an edit", async () => {
    const contentDir = copy();
    const build = new SiteBuild({ contentDir, drafts: false }, { steps: "many" });
    const first = await okStep(build);
    expect(first.changes.write.pages).toEqual(first.model.pages);
    build.wrote(first.model);

    const same = await okStep(build);
    expect(same.changes.count).toBe(0);
    build.wrote(same.model);

    const file = path.join(contentDir, "articles/im/b-same.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: B on the same day", "title: B, renamed"));
    const edited = await okStep(build);
    expect(pagesOf(edited.changes.write, "article").map((p) => p.path)).toContain(
      "/research/marketing/industrial-marketing/b-same/",
    );
    expect(edited.changes.count).toBeLessThan(edited.model.pages.length / 2);
  });

  it("writes every page again after forget() (a template changed)", async () => {
    const build = new SiteBuild({ contentDir: copy(), drafts: false }, { steps: "many" });
    const first = await okStep(build);
    build.wrote(first.model);
    build.forget();
    expect((await okStep(build)).changes.count).toBe(first.model.pages.length);
  });

  it("returns every problem instead of a model when the content has mistakes", async () => {
    const contentDir = copy();
    const file = path.join(contentDir, "articles/im/b-same.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: ''"));
    const step = await new SiteBuild({ contentDir, drafts: false }, { steps: "one" }).step();
    expect(step.ok).toBe(false);
    if (step.ok) throw new Error("unreachable");
    expect(step.problems.map((p) => [path.basename(p.file), p.field])).toContainEqual(["b-same.md", "title"]);
  });
});

describe("SiteBuild: image sizes across steps", () => {
  const IMAGES = path.resolve(import.meta.dirname, "../../tests/fixtures/image-sizes");

  it("reads each image once, again only when it changed, and rewrites the page that shows it", async () => {
    const contentDir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-steps-")), "content");
    cpSync(IMAGES, contentDir, { recursive: true });
    const reads: string[] = [];
    const imageSizes = new ImageSizes(async (file) => {
      reads.push(path.basename(file.source));
      return readImageSize(file);
    });
    const build = new SiteBuild({ contentDir, drafts: false }, { steps: "many", imageSizes });
    const first = await okStep(build);
    const sizesOf = (step: typeof first) => pagesOf(step.model, "article")[0]!.imageSizes;
    expect(sizesOf(first)["/media/chart.png"]).toEqual({ width: 320, height: 200 });
    expect(reads.sort()).toEqual(
      ["anim.gif", "chart.png", "diagram.svg", "fluid.svg", "photo.jpg", "pic.webp", "rotated.jpg", "廠房.png"].sort(),
    );
    build.wrote(first.model);

    reads.length = 0;
    const same = await okStep(build);
    expect(reads).toEqual([]);
    expect(same.changes.count).toBe(0);
    build.wrote(same.model);

    // The chart replaced by the (larger) photo: only it is read again, and the article page is rewritten.
    cpSync(path.join(contentDir, "media/2019/photo.jpg"), path.join(contentDir, "media/chart.png"));
    const changed = await okStep(build);
    expect(reads).toEqual(["chart.png"]);
    expect(sizesOf(changed)["/media/chart.png"]).toEqual({ width: 640, height: 480 });
    expect(pagesOf(changed.changes.write, "article").map((p) => p.path)).toEqual(["/notes/photos/"]);
  });
});
