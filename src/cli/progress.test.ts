import { describe, expect, it } from "vitest";
import { formatBytes, progress, seconds } from "./progress.ts";

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
};

describe("progress", () => {
  it("rewrites one line in place on a terminal, with the elapsed time", () => {
    const { written, stream: s } = stream(true);
    let now = 1000;
    const show = progress(s, 0, () => now);
    show.step("10 articles checked · 4 pages written");
    now = 2500;
    show.step("10 articles checked · 9 pages written");
    show.done();
    expect(written).toEqual([
      "\r\x1b[2K10 articles checked · 4 pages written · 1.0 s",
      "\r\x1b[2K10 articles checked · 9 pages written · 2.5 s",
      "\r\x1b[2K",
    ]);
  });

  it("stays quiet when the output is not a terminal", () => {
    const { written, stream: s } = stream(false);
    const show = progress(s, 0, () => 0);
    show.step("anything");
    show.done();
    expect(written).toEqual([]);
  });
});

describe("formatBytes and seconds", () => {
  it("print sizes and durations for the summary line", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(71_094_272)).toBe("67.8 MB");
    expect(seconds(1234)).toBe("1.2 s");
  });
});
