// The same content builds byte-identical output whatever the machine's TZ and locale, the order files
// were copied in, or what the output folder held before. Dates come out in the site's zone.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, listFiles, page, PROJECT, type BuildResult } from "./helpers/build.ts";

/** A copy of a fixture whose files were created in reverse order (so directory order differs). */
function reverseCopy(name: string): string {
  const from = fixture(name);
  const to = path.join(mkdtempSync(path.join(tmpdir(), "wenku-reverse-")), "content");
  for (const f of listFiles(from).reverse()) {
    mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    copyFileSync(path.join(from, f), path.join(to, f));
  }
  return to;
}

function expectIdentical(a: string, b: string) {
  const files = listFiles(a);
  expect(listFiles(b)).toEqual(files);
  for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
}

let newYork: BuildResult;
let utc: BuildResult;
let kiritimati: BuildResult;

beforeAll(async () => {
  const zones = ["America/New_York", "UTC", "Pacific/Kiritimati"];
  [newYork, utc, kiritimati] = (await Promise.all(
    zones.map((TZ) => build(fixture("three-level"), { env: { TZ } })),
  )) as [BuildResult, BuildResult, BuildResult];
  for (const b of [newYork, utc, kiritimati]) if (b.code !== 0) throw new Error(b.stderr);
});

describe("builds under different TZ", () => {
  it("render the same site-zone time for a date written without an offset", () => {
    for (const b of [newYork, utc, kiritimati]) {
      const $ = page(b.output, "/research/marketing/industrial-marketing/newest/");
      expect($("p.article-meta time").attr("datetime")).toBe("2020-05-05T01:15:00+08:00");
      expect($("p.article-meta time").text()).toBe("2020-05-05 01:15:00");
    }
  });

  it("render a date-only value as midnight in the site's zone, on the same calendar day", () => {
    const $ = page(utc.output, "/research/marketing/filed-on-parent/");
    expect($("p.article-meta time").attr("datetime")).toBe("2015-06-01T00:00:00+08:00");
  });

  it("produce byte-identical output", () => {
    expectIdentical(newYork.output, utc.output);
    expectIdentical(newYork.output, kiritimati.output);
  });
});

describe("a build split over worker processes", () => {
  it("writes exactly the same files as a build in one process", async () => {
    const split = await build(fixture("three-level"), { args: ["--workers", "2"] });
    expect(split.code).toBe(0);
    expect(split.stdout).toContain("(2 workers)");
    expectIdentical(newYork.output, split.output);
  });
});

describe("a build started with too small a heap", () => {
  it("restarts itself with the heap it needs and writes the same files", async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "wenku-heap-")), "site");
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [
        "--max-old-space-size=256",
        "--import",
        "tsx",
        "scripts/build.ts",
        "--content",
        fixture("three-level"),
        "--output",
        output,
      ],
      {
        cwd: PROJECT,
        env: { ...process.env, TZ: "America/New_York" },
      },
    );
    expect(stderr).toContain("this archive needs a 1024 MiB heap; restarting with it");
    expectIdentical(newYork.output, output);
  });
});

describe("a second build", () => {
  it("is byte-identical with files copied in another order, another locale, over a previous site", async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "wenku-again-")), "site");
    mkdirSync(output);
    writeFileSync(path.join(output, "stale.html"), "from an older build");
    writeFileSync(path.join(output, ".wenku-site"), ""); // a previous Wenku site (a folder of other files needs --force)
    const again = await build(reverseCopy("three-level"), {
      output,
      env: { TZ: "Asia/Tokyo", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
    });
    expect(again.code).toBe(0);
    expectIdentical(newYork.output, again.output);
  });
});
