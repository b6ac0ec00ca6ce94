import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_KINDS, pageKind } from "./index.ts";

const TEMPLATES = path.resolve(import.meta.dirname, "../../../templates/_includes/pages");

describe("the page kinds", () => {
  it("each has a template of its own, pages/<kind>.njk", () => {
    for (const kind of PAGE_KINDS) expect(existsSync(path.join(TEMPLATES, `${kind.kind}.njk`)), kind.kind).toBe(true);
  });

  it("are named once each, and found by name", () => {
    const names = PAGE_KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(pageKind(name).kind).toBe(name);
  });

  it("build the feeds and then the site files last, since they describe the other pages", () => {
    expect(PAGE_KINDS.at(-1)!.kind).toBe("file");
    expect(pageKind("file").html).toBe(false);
    expect(PAGE_KINDS.filter((k) => !k.html).map((k) => k.kind)).toEqual(["feed", "file"]);
  });
});
