import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { lineBatches, MAX_LINE, mergeByTime } from "./log-files.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "wenku-logs-"));
const all = async (file: string) => {
  const lines: string[] = [];
  for await (const batch of lineBatches(file)) lines.push(...batch);
  return lines;
};
/** Lines "<time> <name>" read back as { time, name }. */
const parse = (text: string) =>
  /^(\d+) (\S+)$/.test(text) ? { time: Number(text.split(" ")[0]), name: text.split(" ")[1]! } : null;

describe("lineBatches", () => {
  it("reads plain and gzipped files, CRLF or LF, with or without a last newline", async () => {
    const d = dir();
    writeFileSync(path.join(d, "a.log"), "one\r\ntwo\nthree");
    writeFileSync(path.join(d, "b.log.gz"), gzipSync("一\n二\n"));
    expect(await all(path.join(d, "a.log"))).toEqual(["one", "two", "three"]);
    expect(await all(path.join(d, "b.log.gz"))).toEqual(["一", "二"]);
  });
  it("skips a line longer than MAX_LINE without holding it, keeping the lines after it and their numbers", async () => {
    const d = dir();
    writeFileSync(path.join(d, "long.log"), `first\n${"x".repeat(MAX_LINE * 8)}\nafter\n`);
    expect(await all(path.join(d, "long.log"))).toEqual(["first", "", "after"]);
  });
});

describe("mergeByTime", () => {
  it("hands over the lines of all files in time order, whatever order the files are named in, with file and line", async () => {
    const d = dir();
    // Named newest first, as access.log* expands; the older one gzipped.
    writeFileSync(path.join(d, "access.log"), "30 c\nnoise\n50 e\n");
    writeFileSync(path.join(d, "access.log.1.gz"), gzipSync("10 a\n20 b\n40 d\n"));
    const seen: string[] = [];
    await mergeByTime([path.join(d, "access.log"), path.join(d, "access.log.1.gz")], parse, (hit, _text, file, line) =>
      seen.push(`${hit.name}@${path.basename(file)}:${line}`),
    );
    expect(seen).toEqual([
      "a@access.log.1.gz:1",
      "b@access.log.1.gz:2",
      "c@access.log:1",
      "d@access.log.1.gz:3",
      "e@access.log:3",
    ]);
  });
  it("puts the copies of a log given twice next to each other", async () => {
    const d = dir();
    writeFileSync(path.join(d, "x.log"), "1 a\n2 b\n3 c\n");
    writeFileSync(path.join(d, "copy.log"), "1 a\n2 b\n3 c\n");
    const names: string[] = [];
    await mergeByTime([path.join(d, "x.log"), path.join(d, "copy.log")], parse, (hit) => names.push(hit.name));
    expect(names).toEqual(["a", "a", "b", "b", "c", "c"]);
  });
});
