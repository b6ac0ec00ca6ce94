import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMedia, leftOutLines, selectMedia } from "./media.ts";

const PASSIVE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`;
const ACTIVE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>`;

/** A content folder with media of every kind, and a folder outside it with a secret. */
function world() {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "wenku-media-")));
  const content = path.join(root, "content");
  const media = path.join(content, "media");
  const outside = path.join(root, "outside");
  mkdirSync(path.join(media, "2013"), { recursive: true });
  mkdirSync(path.join(content, "extra"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, "secret.jpg"), "secret");
  writeFileSync(path.join(outside, "id_rsa.png"), "key");
  writeFileSync(path.join(content, "extra/b.png"), "b");
  writeFileSync(path.join(content, "extra/c.jpg"), "c");
  for (const [name, text] of [
    ["2013/a.jpg", "a"],
    ["doc.PDF", "pdf"],
    ["page.html", "<script>"],
    ["x.js", "js"],
    ["feed.xml", "<rss/>"],
    ["README", "r"],
    ["good.svg", PASSIVE_SVG],
    ["evil.svg", ACTIVE_SVG],
  ]) {
    writeFileSync(path.join(media, name!), text!);
  }
  symlinkSync("../extra/c.jpg", path.join(media, "link-in.jpg"));
  symlinkSync(path.join(outside, "secret.jpg"), path.join(media, "link-out.jpg"));
  symlinkSync(outside, path.join(media, "dir-out"));
  symlinkSync("../extra", path.join(media, "dir-in"));
  symlinkSync(".", path.join(media, "loop"));
  symlinkSync("nowhere.jpg", path.join(media, "broken.jpg"));
  return { root, content, media, outside };
}

describe("selectMedia", () => {
  it("publishes allowed types and passive SVG, following links only into the content folder", async () => {
    const w = world();
    const { files, leftOut } = await selectMedia(w.content);
    expect(files.map((f) => f.name).sort()).toEqual([
      "2013/a.jpg",
      "dir-in/b.png",
      "dir-in/c.jpg",
      "doc.PDF",
      "good.svg",
      "link-in.jpg",
    ]);
    expect(files.find((f) => f.name === "link-in.jpg")!.source).toBe(path.join(w.content, "extra/c.jpg"));
    const why = Object.fromEntries(leftOut.map((l) => [path.relative(w.media, l.file), l.reason]));
    expect(Object.keys(why).sort()).toEqual([
      "README",
      "broken.jpg",
      "dir-out",
      "evil.svg",
      "feed.xml",
      "link-out.jpg",
      "loop",
      "page.html",
      "x.js",
    ]);
    expect(why["link-out.jpg"]).toBe(
      `a symbolic link to ${path.join(w.outside, "secret.jpg")}, outside the content folder`,
    );
    expect(why["dir-out"]).toBe(`a symbolic link to ${w.outside}, outside the content folder`);
    expect(why["page.html"]).toMatch(/a \.html file/);
    expect(why["x.js"]).toMatch(/a \.js file/);
    expect(why["feed.xml"]).toMatch(/a \.xml file/);
    expect(why["evil.svg"]).toMatch(/an SVG that is not a passive picture: an event handler onload/);
    expect(why["loop"]).toMatch(/already published/);
    expect(why["broken.jpg"]).toBe("a broken symbolic link");
  });

  it("publishes nothing when media/ itself is a link out of the content folder, and follows it when it stays inside", async () => {
    const w = world();
    const other = path.join(w.root, "other");
    mkdirSync(other);
    symlinkSync(w.outside, path.join(other, "media"));
    const out = await selectMedia(other);
    expect(out.files).toEqual([]);
    expect(out.leftOut).toEqual([
      { file: path.join(other, "media"), reason: `a symbolic link to ${w.outside}, outside the content folder` },
    ]);

    const inside = path.join(w.root, "inside");
    mkdirSync(path.join(inside, "files"), { recursive: true });
    writeFileSync(path.join(inside, "files/p.png"), "p");
    symlinkSync("files", path.join(inside, "media"));
    expect((await selectMedia(inside)).files.map((f) => f.name)).toEqual(["p.png"]);
  });

  it("publishes nothing, and says nothing, without a media folder", async () => {
    const w = world();
    expect(await selectMedia(path.join(w.content, "extra"))).toEqual({ files: [], leftOut: [] });
  });
});

describe("copyMedia and leftOutLines", () => {
  it("copies exactly the selection below media/ and names each file left out, relative to where the user is", async () => {
    const w = world();
    const selection = await selectMedia(w.content);
    const output = path.join(w.root, "site");
    expect(await copyMedia(selection, output)).toEqual({ files: 6, bytes: 1 + 1 + 1 + 3 + PASSIVE_SVG.length + 1 });
    expect(readFileSync(path.join(output, "media/link-in.jpg"), "utf8")).toBe("c");
    expect(readFileSync(path.join(output, "media/good.svg"), "utf8")).toBe(PASSIVE_SVG);
    expect(leftOutLines(selection, w.root)).toContain(
      "content/media/page.html  media  not published: a .html file (media are images, audio, video, PDF and office documents)",
    );
  });
});
