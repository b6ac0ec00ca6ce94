import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBody } from "./body.ts";
import { readText } from "./read-files.ts";
import { splitFrontMatter } from "./front-matter.ts";

async function locate(text: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "wenku-body-")), "a.md");
  writeFileSync(file, text);
  const decoded = await readText(file);
  if (!decoded.ok) throw new Error("not UTF-8");
  const { split } = splitFrontMatter(decoded.text, file);
  return {
    file,
    at: { file, bodyStart: split!.bodyStart, size: decoded.size, mtimeMs: decoded.mtimeMs },
    body: split!.body,
  };
}

describe("readBody", () => {
  it("reads back exactly the body the checks saw, BOM and CRLF normalised alike", async () => {
    const { at, body } = await locate("\uFEFF---\r\ntitle: A\r\n--- \r\n第一行\r\n第二行\r\n");
    expect(await readBody(at)).toBe(body);
    expect(body).toBe("第一行\n第二行\n");
  });

  it("refuses a file that changed since it was checked", async () => {
    const { file, at } = await locate("---\ntitle: A\n---\nbody\n");
    writeFileSync(file, readFileSync(file, "utf8").replace("body", "edited body"));
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    await expect(readBody(at)).rejects.toThrow(/changed while the site was being built/);
  });
});
