// The output folder is replaced whole by every build, so a build must refuse any folder whose loss
// would hurt — judged as the file system sees it, through symbolic links — and its messages after a
// failure must be true. Real builds; the ones that would destroy a project if the refusal broke run
// in a throw-away copy of the project, never in this checkout.
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { build, fixture, listFiles, PROJECT, type BuildResult } from "./helpers/build.ts";
import { freeze } from "./helpers/read-only.ts";

const tmp = (name: string) => realpathSync(mkdtempSync(path.join(tmpdir(), `wenku-${name}-`)));
const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

/** A copy of the content fixture `name` at `dir`. */
function contentAt(dir: string, name = "pagination"): string {
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** A copy of the project (its own entries; node_modules linked), to aim builds at. */
function projectCopy(root: string): string {
  const copy = path.join(root, "project");
  for (const entry of [".eleventy.ts", "package.json", "tsconfig.json", "src", "scripts", "templates"])
    cpSync(path.join(PROJECT, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(PROJECT, "node_modules"), path.join(copy, "node_modules"));
  contentAt(path.join(copy, "content"));
  return copy;
}

/** Runs the build of the project at `project`, as a user does. */
async function buildIn(
  project: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<BuildResult & { output: "" }> {
  try {
    const r = await promisify(execFile)(path.join(project, "node_modules/.bin/tsx"), ["scripts/build.ts", ...args], {
      cwd: project,
      env: { ...process.env, INIT_CWD: project, ...env },
    });
    return { output: "", code: 0, ...r };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { output: "", code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the output folder, seen through symbolic links", () => {
  it("is refused when it is the content folder's parent reached by its real name (--content link/content --output real)", async () => {
    const root = tmp("out-link");
    const content = contentAt(path.join(root, "real/content"));
    symlinkSync(path.join(root, "real"), path.join(root, "link"));
    const before = snapshot(content);
    const r = await build(path.join(root, "link/content"), { output: path.join(root, "real") });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to build: the output folder .*real contains the content folder/);
    expect(snapshot(content)).toEqual(before);
  });

  it("is refused when it is the content folder by another name (--output link/content)", async () => {
    const root = tmp("out-link");
    const content = contentAt(path.join(root, "real/content"));
    symlinkSync(path.join(root, "real"), path.join(root, "link"));
    const before = snapshot(content);
    const r = await build(content, { output: path.join(root, "link/content") });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/really .*real\/content\) is the content folder/);
    expect(snapshot(content)).toEqual(before);
  });

  it("is refused when it is the project or contains it through a symlinked parent, or is its templates/", async () => {
    const root = tmp("out-project");
    const project = projectCopy(root);
    symlinkSync(root, path.join(root, "up"));
    const before = snapshot(path.join(project, "src"));
    for (const output of [
      path.join(root, "up/project"),
      path.join(root, "up"),
      path.join(root, "up/project/templates"),
      path.join(project, "src"),
    ]) {
      const r = await buildIn(project, ["--output", output]);
      expect(r.code, output).toBe(1);
      expect(r.stderr, output).toMatch(
        /refusing to build: the output folder .*(is the project folder|own templates|own src)/,
      );
    }
    expect(snapshot(path.join(project, "src"))).toEqual(before);
    // …while a new folder inside the project is fine, and builds still work afterwards.
    const ok = await buildIn(project, ["--output", "_site"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(path.join(project, "_site/index.html"))).toBe(true);
  });

  it("is refused when it is the home folder, or lies in a system folder", async () => {
    const root = tmp("out-home");
    const project = projectCopy(root);
    const home = path.join(root, "users/me");
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, "notes.txt"), "mine");
    const atHome = await buildIn(project, ["--output", home], { HOME: home });
    expect(atHome.code).toBe(1);
    expect(atHome.stderr).toMatch(/is the home folder/);
    expect(readFileSync(path.join(home, "notes.txt"), "utf8")).toBe("mine");
    for (const output of ["/etc/wenku-test-site", "/usr/share/wenku-test-site"]) {
      const r = await buildIn(project, ["--output", output]);
      expect(r.code, output).toBe(1);
      expect(r.stderr, output).toMatch(/is a system folder or lies in one/);
      expect(existsSync(output)).toBe(false);
    }
  });
});

describe("what is already at the output", () => {
  it("an existing file is refused and kept", async () => {
    const root = tmp("out-file");
    writeFileSync(path.join(root, "site"), "not a folder");
    const r = await build(fixture("pagination"), { output: path.join(root, "site"), args: ["--force"] });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exists and is not a folder/);
    expect(readFileSync(path.join(root, "site"), "utf8")).toBe("not a folder");
  });

  it("a folder of other files is replaced only with --force; the site written then is known as Wenku's", async () => {
    const root = tmp("out-force");
    const output = path.join(root, "photos");
    mkdirSync(output);
    writeFileSync(path.join(output, "me.jpg"), "jpeg");
    const refused = await build(fixture("pagination"), { output });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty and is not a site Wenku built .*--force/);
    expect(refused.stderr).not.toMatch(/usage/);
    expect(readFileSync(path.join(output, "me.jpg"), "utf8")).toBe("jpeg");

    const forced = await build(fixture("pagination"), { output, args: ["--force"] });
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(path.join(output, "me.jpg"))).toBe(false);
    expect(existsSync(path.join(output, ".wenku-site"))).toBe(true);
    const again = await build(fixture("three-level"), { output });
    expect(again.code, again.stderr).toBe(0);
  });

  it("the usage line names --force", async () => {
    const r = await build(fixture("pagination"), { args: ["--frce"] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run build .*\[--force\]/);
    expect(r.stderr).toMatch(/--force {2}replace an output folder/);
  });
});

describe("a read-only output: the message after a failure is true", () => {
  it("when the output cannot be moved aside, the build fails and the output really is unchanged", async () => {
    const root = tmp("out-ro");
    const output = path.join(root, "site");
    expect((await build(fixture("pagination"), { output })).code).toBe(0);
    const before = snapshot(output);
    // As root the folder itself is made immutable (it cannot be renamed); otherwise its parent loses
    // its write bits (no staging folder can be made beside it).
    const frozen = process.getuid?.() === 0 ? output : root;
    const thaw = freeze(frozen);
    let r: BuildResult;
    try {
      r = await build(fixture("three-level"), { output });
    } finally {
      thaw();
    }
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/build failed.*unchanged/);
    expect(snapshot(output)).toEqual(before);
  });

  it("when the previous site cannot be removed after the swap, the build says the new one is in and where the old one is", async () => {
    const root = tmp("out-ro");
    const output = path.join(root, "site");
    expect((await build(fixture("pagination"), { output })).code).toBe(0);
    const thaw = freeze(path.join(output, "assets"));
    let r: BuildResult;
    try {
      r = await build(fixture("three-level"), { output });
    } finally {
      const old = listFiles(root).find((f) => /^\.site\.wenku-old-\d+\/assets\//.test(f));
      thaw(old ? path.join(root, path.dirname(old)) : undefined);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unchanged/);
    expect(r.stderr).toMatch(
      /warning: the new site is in .*site; the previous one could not be removed completely, what is left of it is in .*\.site\.wenku-old-\d+/,
    );
    expect(existsSync(path.join(output, "research/marketing/industrial-marketing/index.html"))).toBe(true);
    // Once it can be removed, the next build does.
    const next = await build(fixture("three-level"), { output });
    expect(next.code, next.stderr).toBe(0);
    expect(listFiles(root).filter((f) => !f.startsWith("site/"))).toEqual([]);
  });
});

describe("what is published from content/media", () => {
  it("only allowed, confined files, copied once even with workers; each file left out is named; the summary counts what was published", async () => {
    const root = tmp("media");
    const content = contentAt(path.join(root, "content"));
    const media = path.join(content, "media");
    mkdirSync(path.join(root, "outside"));
    writeFileSync(path.join(root, "outside/secret.jpg"), "secret");
    mkdirSync(path.join(media, "2013"), { recursive: true });
    writeFileSync(path.join(media, "2013/photo.jpg"), "jpeg");
    writeFileSync(path.join(media, "report.pdf"), "pdf");
    writeFileSync(path.join(media, "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>`);
    writeFileSync(
      path.join(media, "evil.svg"),
      `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
    );
    writeFileSync(path.join(media, "page.html"), "<script>alert(1)</script>");
    writeFileSync(path.join(media, "app.js"), "alert(1)");
    symlinkSync(path.join(root, "outside/secret.jpg"), path.join(media, "secret.jpg"));
    symlinkSync(path.join(root, "outside"), path.join(media, "outside"));

    const r = await build(content, { args: ["--workers", "2"] });
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(path.join(r.output, "media"))).toEqual(["2013/photo.jpg", "logo.svg", "report.pdf"]);
    const warnings = r.stderr.split("\n").filter((l) => l.startsWith("wenku: warning:"));
    expect(warnings.sort()).toEqual(
      [
        "app.js  media  not published: a .js file (media are images, audio, video, PDF and office documents)",
        "evil.svg  media  not published: an SVG that is not a passive picture: a <script> element (only passive SVG elements are published)",
        "outside  media  not published: a symbolic link to " +
          path.join(root, "outside") +
          ", outside the content folder",
        "page.html  media  not published: a .html file (media are images, audio, video, PDF and office documents)",
        "secret.jpg  media  not published: a symbolic link to " +
          path.join(root, "outside/secret.jpg") +
          ", outside the content folder",
      ].map((l) => `wenku: warning: ${path.relative(PROJECT, media)}/${l}`),
    );
    // Every file the summary counts is in the output, and only those (the marker aside).
    const counted = Number(/(\d+) files, /.exec(r.stdout)![1]);
    expect(counted).toBe(listFiles(r.output).filter((f) => f !== ".wenku-site").length);
  });

  it("nothing when content/media itself is a link out of the content folder", async () => {
    const root = tmp("media-link");
    const content = contentAt(path.join(root, "content"));
    mkdirSync(path.join(root, "elsewhere"));
    writeFileSync(path.join(root, "elsewhere/private.pdf"), "private");
    symlinkSync(path.join(root, "elsewhere"), path.join(content, "media"));
    const r = await build(content);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(r.output, "media"))).toBe(false);
    expect(r.stderr).toMatch(
      /media {2}media {2}not published: a symbolic link to .*elsewhere, outside the content folder/,
    );
  });
});

describe("the dev server's output", () => {
  it("is refused when the content lies in it (it is emptied on start)", async () => {
    const r = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/serve.ts", "--content", ".wenku/serve/content", "--port", "0"],
      { cwd: PROJECT, env: { ...process.env, INIT_CWD: PROJECT }, timeout: 30_000 },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to serve: the output folder .*\.wenku\/serve contains the content folder/);
  });
});
