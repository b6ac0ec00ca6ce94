import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFile, type SourceFolder } from "./source-file.ts";
import { decodePath } from "./urls.ts";

// A real folder: uploads/ with a picture, beside it a secret a path must never reach.
const root = realpathSync(mkdtempSync(path.join(tmpdir(), "wenku-source-file-")));
const uploads = path.join(root, "wp-content", "uploads");
mkdirSync(path.join(uploads, "2019"), { recursive: true });
writeFileSync(path.join(uploads, "2019", "pic.png"), "png");
writeFileSync(path.join(uploads, "2019", "shell.php"), "<?php system($_GET['c']);");
writeFileSync(path.join(root, "wp-config.php"), "define('DB_PASSWORD', 'hunter2');");
writeFileSync(path.join(root, "secret.png"), "outside");
symlinkSync(path.join(uploads, "2019", "pic.png"), path.join(uploads, "2019", "alias.png"));
symlinkSync(path.join(root, "secret.png"), path.join(uploads, "2019", "escape.png"));
symlinkSync(path.join(uploads, "2019", "shell.php"), path.join(uploads, "2019", "disguised.png"));
symlinkSync(root, path.join(uploads, "up"));
const folder: SourceFolder = { root: uploads, name: "uploads", sitePrefix: "/wp-content/uploads" };
const at = (raw: string) => sourceFile(folder, decodePath(raw), raw);

describe("sourceFile", () => {
  it("takes a file inside the folder, by its real path, under a normalised site path", () => {
    expect(at("2019/./pic.png")).toEqual({
      kind: "file",
      from: path.join(uploads, "2019", "pic.png"),
      sitePath: "/wp-content/uploads/2019/pic.png",
    });
  });
  it("refuses a path that climbs out once decoded, in every spelling", () => {
    for (const raw of [
      "..%2f..%2fwp-config.php",
      "..%2F..%2Fwp-config.php",
      "..%5c..%5cwp-config.php",
      "..\\..\\wp-config.php",
      "2019/../../../secret.png",
    ]) {
      expect(at(raw), raw).toMatchObject({
        kind: "refused",
        reason: "its path, once decoded, leads outside the uploads folder",
      });
    }
  });
  it("decodes once only: a double-encoded separator is a literal name, missing here", () => {
    expect(at("..%252f..%252fsecret.png")).toEqual({ kind: "missing", href: "..%252f..%252fsecret.png" });
  });
  it("follows a symbolic link only to a file inside the folder", () => {
    expect(at("2019/alias.png")).toMatchObject({
      kind: "file",
      from: path.join(uploads, "2019", "pic.png"),
      sitePath: "/wp-content/uploads/2019/alias.png",
    });
    expect(at("2019/escape.png")).toMatchObject({
      kind: "refused",
      reason: "a symbolic link to a file outside the uploads folder",
    });
    expect(at("up/secret.png")).toMatchObject({
      kind: "refused",
      reason: "a symbolic link to a file outside the uploads folder",
    });
  });
  it("refuses types the site does not publish, by the name asked for and by the link's target", () => {
    expect(at("2019/shell.php")).toMatchObject({ kind: "refused", reason: expect.stringContaining("a .php file") });
    expect(at("2019/disguised.png")).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/^a symbolic link to a \.php file/),
    });
  });
  it("reports a file that is not there, a folder and an empty path as missing; a NUL as refused", () => {
    expect(at("2019/none.png")).toMatchObject({ kind: "missing" });
    expect(at("/")).toMatchObject({ kind: "missing" });
    expect(at("2019/pic.png%00.php")).toMatchObject({ kind: "refused", reason: "its path holds a NUL byte" });
  });
});
