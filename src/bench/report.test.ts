import { describe, expect, it } from "vitest";
import type { BenchResult, SizeResult } from "./bench.ts";
import { report, reportPart } from "./report.ts";
import type { KindSummary, Run } from "./runs.ts";

const MIB = 1024 * 1024;
const kind = (
  wall: [number, number, number],
  rss: number,
  files: number,
  bytes: number,
  articles: number,
): KindSummary => ({
  wallMs: { median: wall[0], min: wall[1], max: wall[2] },
  msPerArticle: wall[0] / articles,
  peakRssMiB: { median: rss, min: rss, max: rss },
  files,
  bytes,
});
const runOf = (k: string): Run => ({
  kind: k,
  run: 1,
  wallMs: 1,
  peakRssBytes: MIB,
  peakRssMiB: 1,
  rssSamples: 1,
  files: 1,
  bytes: 1,
});

const size: SizeResult = {
  articles: 100,
  content: "/b/n100",
  reused: true,
  runs: { floor: [runOf("floor")], build: [runOf("build")] },
  summary: {
    floor: kind([850, 800, 900], 93.4, 100, 0.25 * MIB, 100),
    build: kind([4210, 4000, 5000], 311.6, 367, 2.24 * MIB, 100),
    ratio: { median: 3.771, min: 3.5, max: 4.25, pairs: [3.771] },
  },
};

const result: BenchResult = {
  machine: {
    cores: 2,
    cpu: "AMD EPYC",
    memoryMiB: 24105,
    node: "v20.20.2",
    platform: "linux x64",
    date: "2026-06-15T04:00:00.000Z",
  },
  options: { sizes: [100], runs: 1, seed: "1", dir: "/b", samplingMs: 20, search: true },
  sizes: [size],
};

describe("reportPart", () => {
  it("starts with the machine and the settings, ending in a blank line", () => {
    expect(reportPart({ part: "start", ...result })).toBe(
      "# Wenku bench\n\n" +
        "- machine: 2 cores (AMD EPYC), 24105 MiB, linux x64\n" +
        "- Node v20.20.2, 2026-06-15T04:00:00.000Z\n" +
        '- sizes 100; 1 run(s) each of floor and build, alternating; seed "1"\n' +
        "- search: on (the build writes the Pagefind index)\n",
    );
    expect(
      reportPart({ part: "start", machine: result.machine, options: { ...result.options, search: false } }),
    ).toContain("- search: off (--no-search: no Pagefind index)");
  });

  it("tables floor and build per size, the ratio on the build row, then the note", () => {
    const lines = reportPart({ part: "sizes", sizes: [size] }).split("\n");
    expect(lines[0]).toBe(
      "| articles | step  | wall (median) | wall (min–max) | ms/article | peak RSS MiB | files | written |       build/floor |",
    );
    expect(lines[1]).toBe(
      "| -------: | ----- | ------------: | -------------: | ---------: | -----------: | ----: | ------: | ----------------: |",
    );
    expect(lines[2]).toBe(
      "|      100 | floor |        850 ms |  800 ms–900 ms |       8.50 |           93 |   100 | 0.3 MiB |                   |",
    );
    expect(lines[3]).toBe(
      "|      100 | build |        4.21 s |  4.00 s–5.00 s |      42.10 |          312 |   367 | 2.2 MiB | 3.77× (3.50–4.25) |",
    );
    expect(lines[4]).toBe("");
    expect(lines[5]).toMatch(
      /^floor = `node --import tsx scripts\/bench-floor.ts`.*build\/floor is the median of per-pair wall ratios\.$/,
    );
    expect(lines).toHaveLength(6);
  });

  it("shows a dev server that could not be measured, and one that was", () => {
    expect(reportPart({ part: "devServer", devServer: { error: "no port" } })).toBe(
      "\n## Dev server\n\nnot measured: no port",
    );
    const edits = [1, 2, 3, 4, 5].map((edit) => ({ edit, fileMs: 100 * edit, reloadMs: null }));
    const text = reportPart({
      part: "devServer",
      devServer: {
        articles: 100,
        article: "a.md",
        page: "p",
        startupMs: 2500,
        edits,
        fileMs: { median: 300, min: 100, max: 500 },
        reloadMs: null,
        note: "edit → page only",
      },
    });
    expect(text.split("\n")).toEqual([
      "",
      "## Dev server, 100 articles (start-up 2.50 s, 5 edits)",
      "",
      "| measure                    |       median |    min–max |",
      "| -------------------------- | -----------: | ---------: |",
      "| edit → page written        |       300 ms | 100–500 ms |",
      "| edit → live-reload message | not measured |            |",
      "",
      "edit → page only",
    ]);
  });

  it("shows Hugo against Wenku with the peers' folder as given, or why not", () => {
    expect(reportPart({ part: "hugo", hugo: { error: "hugo is not installed" }, peers: "/p" })).toBe(
      "\n## Against Hugo\n\nnot measured: hugo is not installed",
    );
    const summary = { ...size.summary.floor };
    const pages = (k: string, n: number) => [{ ...runOf(k), pages: n }];
    const hugo = {
      articles: 100,
      hugoVersion: "0.131.0",
      warmup: { hugo: [], "wenku-nosearch": [], "hugo-pagefind": [], wenku: [] },
      runs: {
        hugo: pages("hugo", 112),
        "wenku-nosearch": pages("wenku-nosearch", 130),
        "hugo-pagefind": pages("hugo-pagefind", 112),
        wenku: pages("wenku", 131),
      },
      summary: {
        hugo: summary,
        "wenku-nosearch": size.summary.build,
        "hugo-pagefind": kind([1200, 1100, 1300], 150, 400, MIB, 100),
        wenku: kind([6000, 5900, 6100], 400, 500, 3 * MIB, 100),
        noSearch: size.summary.ratio,
        search: { median: 5, min: 4.5, max: 5.5, pairs: [5] },
      },
    };
    const lines = reportPart({ part: "hugo", hugo: [hugo], peers: "/x/peers" }, (p) => p.replace("/x/", "")).split(
      "\n",
    );
    expect(lines[1]).toBe("## Against Hugo, on the peer benchmark's archive (peers), like against like, alternating");
    expect(lines[3]).toMatch(/^\| articles \| build +\| wall \(median\) \|.*\| pages \| files \| +Wenku\/Hugo \|$/);
    expect(lines[5]).toMatch(/^\| +100 \| Hugo 0\.131\.0 +\| +850 ms \|.*\| +112 \| +100 \| +\|$/);
    expect(lines[6]).toMatch(
      /^\| +100 \| Wenku \(npm run build -- --no-search\) \| +4\.21 s \|.*\| +130 \| +367 \| 3\.77× \(3\.50–4\.25\) \|$/,
    );
    expect(lines[7]).toMatch(
      /^\| +100 \| Hugo 0\.131\.0 \+ Pagefind CLI +\| +1\.20 s \|.*\| +150 \| +112 \| +400 \| +\|$/,
    );
    expect(lines[8]).toMatch(
      /^\| +100 \| Wenku \(npm run build, search index\) +\| +6\.00 s \|.*\| +400 \| +131 \| +500 \| 5\.00× \(4\.50–5\.50\) \|$/,
    );
    expect(lines[9]).toBe("");
    expect(lines[10]).toMatch(/^Each round runs the four builds.*checked equal across runs\.$/);
    expect(lines).toHaveLength(11);
  });

  it("shows search off, then on with the on/off ratio", () => {
    const lines = reportPart({
      part: "searchCost",
      searchCost: [{ articles: 100, on: size.summary.build, off: size.summary.floor, ratio: size.summary.ratio }],
    }).split("\n");
    expect(lines[1]).toBe("## What search costs: with and without the index, alternating");
    expect(lines[3]).toBe(
      "| articles | build                        | wall (median) | wall (min–max) | peak RSS MiB | files |            on/off |",
    );
    expect(lines[5]).toMatch(/^\| +100 \| npm run build -- --no-search \| +850 ms \|.*\| +\|$/);
    expect(lines[6]).toMatch(
      /^\| +100 \| npm run build \(search index\) +\| +4\.21 s \|.*\| 3\.77× \(3\.50–4\.25\) \|$/,
    );
  });
});

describe("report", () => {
  it("is the parts measured, in order, each followed by a newline", () => {
    const text = report({ ...result, devServer: { error: "x" }, searchCost: [] }, "/p");
    expect(text.startsWith(reportPart({ part: "start", ...result }) + "\n")).toBe(true);
    expect(text.indexOf("## Dev server")).toBeLessThan(text.indexOf("## What search costs"));
    expect(text).not.toContain("Against Hugo");
    expect(text.endsWith("\n")).toBe(true);
  });
});

describe("the baseline section", () => {
  it("shows the baseline and this tree for each size, with the paired ratio on this tree's row", () => {
    const kind = (median: number) => ({
      wallMs: { median, min: median - 100, max: median + 100 },
      msPerArticle: median / 1000,
      peakRssMiB: { median: 300, min: 290, max: 310 },
      files: 1200,
      bytes: 5 * 1024 * 1024,
    });
    const text = reportPart({
      part: "baseline",
      baseline: [
        {
          articles: 1000,
          ref: "a0ec052",
          baseline: kind(2000),
          current: kind(1800),
          ratio: { median: 0.9, min: 0.85, max: 0.95, pairs: [0.9, 0.85, 0.95] },
        },
      ],
    });
    expect(text).toContain("Against an earlier commit");
    const rows = text.split("\n").filter((line) => /^\|\s*1000 /.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("a0ec052 (baseline)");
    expect(rows[1]).toContain("this tree");
    expect(rows[1]).toMatch(/0\.90×/);
    expect(rows[0]).not.toMatch(/×/);
  });
});
