import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWenkuSite, markSite, refuseContentTarget, refuseOutput, SITE_MARKER } from "./paths.ts";

/** A fresh folder with a project (with its own entries), a content folder and a home folder in it. */
function world() {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), "wenku-paths-")));
  const project = path.join(root, "project");
  for (const entry of ["src", "templates", "node_modules", ".git", "scripts", "tests", "content/articles"])
    mkdirSync(path.join(project, entry), { recursive: true });
  writeFileSync(path.join(project, "package.json"), "{}");
  const real = path.join(root, "real");
  const content = path.join(real, "content");
  mkdirSync(path.join(content, "articles"), { recursive: true });
  symlinkSync(real, path.join(root, "link"));
  const home = path.join(root, "users/me");
  mkdirSync(home, { recursive: true });
  return { root, project, real, content, home };
}

describe("refuseOutput", () => {
  it("accepts a new folder, an empty folder and a previous Wenku site", () => {
    const w = world();
    expect(refuseOutput(path.join(w.root, "new/site"), w.content, w.project, { home: w.home })).toBeNull();
    mkdirSync(path.join(w.root, "empty"));
    expect(refuseOutput(path.join(w.root, "empty"), w.content, w.project, { home: w.home })).toBeNull();
    mkdirSync(path.join(w.root, "site"));
    writeFileSync(path.join(w.root, "site/index.html"), "<p>old</p>");
    markSite(path.join(w.root, "site"));
    expect(refuseOutput(path.join(w.root, "site"), w.content, w.project, { home: w.home })).toBeNull();
  });

  it("refuses the content folder reached through a symlinked parent, either way round", () => {
    const w = world();
    // --content link/content --output real/content, and --output link/content
    expect(refuseOutput(w.content, path.join(w.root, "link/content"), w.project, { home: w.home })).toMatch(
      /is the content folder/,
    );
    expect(refuseOutput(path.join(w.root, "link/content"), w.content, w.project, { home: w.home })).toMatch(
      /really .*real\/content\) is the content folder/,
    );
    // --content link/content --output real: contains it
    expect(refuseOutput(w.real, path.join(w.root, "link/content"), w.project, { home: w.home })).toMatch(
      /contains the content folder/,
    );
    expect(refuseOutput(path.join(w.root, "link/content/media/x"), w.content, w.project, { home: w.home })).toMatch(
      /is the content folder or inside it \(the content folder is .*real\/content\)/,
    );
  });

  it("refuses the project through a symlinked parent, and its own entries, but not a new folder in it", () => {
    const w = world();
    symlinkSync(w.root, path.join(w.root, "up"));
    const throughLink = path.join(w.root, "up");
    expect(refuseOutput(throughLink, w.content, w.project, { home: w.home })).toMatch(
      /project folder .* or contains it/,
    );
    expect(refuseOutput(path.join(w.root, "up/project"), w.content, w.project, { home: w.home })).toMatch(
      /project folder/,
    );
    for (const entry of [
      "templates",
      "src",
      "node_modules",
      ".git",
      "scripts",
      "tests",
      "content",
      "package.json",
      "src/out",
      ".wenku",
    ]) {
      expect(refuseOutput(path.join(w.project, entry), w.content, w.project, { home: w.home }), entry).not.toBeNull();
    }
    expect(refuseOutput(path.join(w.root, "up/project/templates"), w.content, w.project, { home: w.home })).toMatch(
      /own templates/,
    );
    expect(refuseOutput(path.join(w.project, "_site"), w.content, w.project, { home: w.home })).toBeNull();
    expect(refuseOutput(path.join(w.project, ".wenku/serve"), w.content, w.project, { home: w.home })).toBeNull();
  });

  it("refuses the root, the home folder and what contains it, system folders and what lies in them, /tmp itself", () => {
    const w = world();
    const o = (p: string) => refuseOutput(p, w.content, w.project, { home: w.home });
    expect(o("/")).toMatch(/root of the file system/);
    expect(o(w.home)).toMatch(/home folder/);
    expect(o(path.dirname(w.home))).toMatch(/home folder .* or contains it/);
    expect(o(path.join(w.home, "sites/archive"))).toBeNull();
    for (const dir of ["/etc", "/usr", "/usr/share/wenku-site", "/bin", "/var", "/var/lib/site", "/home", "/opt"])
      expect(o(dir), dir).not.toBeNull();
    expect(o(os.homedir())).toMatch(/home|shared|system/);
    expect(o("/tmp")).not.toBeNull();
    expect(o(os.tmpdir())).not.toBeNull();
    expect(o(path.join(os.tmpdir(), "wenku-paths-some-site"))).toBeNull();
    expect(o("/var/www/archive")).toBeNull();
  });

  it("refuses an existing file, a symbolic link, and a non-empty folder that is no Wenku site unless forced", () => {
    const w = world();
    writeFileSync(path.join(w.root, "file"), "mine");
    expect(refuseOutput(path.join(w.root, "file"), w.content, w.project, { home: w.home })).toMatch(
      /exists and is not a folder/,
    );
    mkdirSync(path.join(w.root, "site"));
    symlinkSync(path.join(w.root, "site"), path.join(w.root, "site-link"));
    expect(refuseOutput(path.join(w.root, "site-link"), w.content, w.project, { home: w.home })).toMatch(
      /symbolic link/,
    );
    mkdirSync(path.join(w.root, "photos"));
    writeFileSync(path.join(w.root, "photos/me.jpg"), "jpeg");
    expect(refuseOutput(path.join(w.root, "photos"), w.content, w.project, { home: w.home })).toMatch(
      new RegExp(`not empty .*${SITE_MARKER}.*--force`),
    );
    expect(refuseOutput(path.join(w.root, "photos"), w.content, w.project, { home: w.home, force: true })).toBeNull();
    // --force never overrides the hard refusals.
    expect(
      refuseOutput(path.join(w.project, "templates"), w.content, w.project, { home: w.home, force: true }),
    ).toMatch(/own templates/);
    expect(refuseOutput(path.join(w.root, "file"), w.content, w.project, { home: w.home, force: true })).toMatch(
      /not a folder/,
    );
  });

  it("refuses an output whose temporary folders would be named like the content folder", () => {
    const w = world();
    const content = path.join(w.root, ".site.wenku-new-1");
    mkdirSync(content);
    expect(refuseOutput(path.join(w.root, "site"), content, w.project, { home: w.home })).toMatch(
      /temporary folders .* where the content folder/,
    );
  });
});

describe("isWenkuSite", () => {
  it("knows a site by its marker, or by the files builds wrote before the marker existed", () => {
    const w = world();
    const old = path.join(w.root, "old");
    mkdirSync(path.join(old, "assets"), { recursive: true });
    writeFileSync(path.join(old, "index.html"), "");
    expect(isWenkuSite(old)).toBe(false);
    writeFileSync(path.join(old, "404.html"), "");
    writeFileSync(path.join(old, "assets/site.css"), "");
    expect(isWenkuSite(old)).toBe(true);
  });
});

describe("refuseContentTarget", () => {
  it("accepts the project's content/ and folders elsewhere; refuses the root, home, system folders, files and project entries", () => {
    const w = world();
    const c = (p: string) => refuseContentTarget(p, w.project, { home: w.home });
    expect(c(path.join(w.project, "content"))).toBeNull();
    expect(c(path.join(w.root, "archive/content"))).toBeNull();
    expect(c(w.content)).toBeNull();
    expect(c("/")).toMatch(/root/);
    expect(c(w.home)).toMatch(/home folder/);
    expect(c("/etc/wenku")).toMatch(/system folder/);
    expect(c(w.project)).toMatch(/project folder/);
    expect(c(path.join(w.project, "templates"))).toMatch(/own templates/);
    expect(c(path.join(w.root, "link/../project/src"))).toMatch(/own src/);
    writeFileSync(path.join(w.root, "file"), "");
    expect(c(path.join(w.root, "file"))).toMatch(/not a folder/);
  });
});
