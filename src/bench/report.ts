// The bench's report as Markdown, one section per part of the result: what `npm run bench` prints.
// Pure: the numbers in, the text out.
import type { BaselineCost } from "./baseline.ts";
import type { BenchPart, BenchResult } from "./bench.ts";
import { HUGO_KINDS, type HugoKind, type HugoResult } from "./hugo.ts";
import type { SearchCost } from "./search-cost.ts";
import { MIB, seconds, type KindSummary, type Ratio, type Spread } from "./runs.ts";
import { markdownTable, type Align } from "./stats.ts";

const range = (s: Spread) => `${seconds(s.min)}–${seconds(s.max)}`;
const times = (r: Ratio) => `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const FLOOR_NOTE =
  "floor = `node --import tsx scripts/bench-floor.ts` (parse + render + one page per article); build = `npm run build -- --quiet` (cold, whole process tree incl. npm and workers). " +
  "Peak RSS is the summed RSS of the tree, sampled every 20 ms; build/floor is the median of per-pair wall ratios.";

/** The section of one part; `shown` writes a path as the report shows it. Printed with a newline after it. */
export function reportPart(part: BenchPart, shown: (p: string) => string = (p) => p): string {
  switch (part.part) {
    case "start": {
      const { machine: m, options: o } = part;
      return [
        "# Wenku bench\n",
        `- machine: ${m.cores} cores (${m.cpu}), ${m.memoryMiB} MiB, ${m.platform}`,
        `- Node ${m.node}, ${m.date}`,
        `- sizes ${o.sizes.join(", ")}; ${o.runs} run(s) each of floor and build, alternating; seed "${o.seed}"`,
        `- search: ${o.search ? "on (the build writes the Pagefind index)" : "off (--no-search: no Pagefind index)"}\n`,
      ].join("\n");
    }
    case "sizes": {
      const row = (articles: number, kind: string, s: KindSummary, ratio: string) => [
        String(articles),
        kind,
        seconds(s.wallMs.median),
        range(s.wallMs),
        s.msPerArticle.toFixed(2),
        s.peakRssMiB.median.toFixed(0),
        String(s.files),
        `${(s.bytes / MIB).toFixed(1)} MiB`,
        ratio,
      ];
      const rows = part.sizes.flatMap((r) => [
        row(r.articles, "floor", r.summary.floor, ""),
        row(r.articles, "build", r.summary.build, times(r.summary.ratio)),
      ]);
      const headers = [
        "articles",
        "step",
        "wall (median)",
        "wall (min–max)",
        "ms/article",
        "peak RSS MiB",
        "files",
        "written",
        "build/floor",
      ];
      return `${markdownTable(headers, rows, aligned(headers.length))}\n\n${FLOOR_NOTE}`;
    }
    case "devServer": {
      const d = part.devServer;
      if ("error" in d) return `\n## Dev server\n\nnot measured: ${d.error}`;
      const fmt = (s: Spread) => [`${s.median.toFixed(0)} ms`, `${s.min.toFixed(0)}–${s.max.toFixed(0)} ms`];
      const rows = [
        ["edit → page written", ...fmt(d.fileMs)],
        d.reloadMs
          ? ["edit → live-reload message", ...fmt(d.reloadMs)]
          : ["edit → live-reload message", "not measured", ""],
      ];
      const table = markdownTable(["measure", "median", "min–max"], rows, ["left", "right", "right"]);
      return `\n## Dev server, ${d.articles} articles (start-up ${seconds(d.startupMs)}, ${d.edits.length} edits)\n\n${table}\n\n${d.note}`;
    }
    case "searchCost":
      return searchCostSection(part.searchCost);
    case "baseline":
      return baselineSection(part.baseline);
    case "hugo":
      if ("error" in part.hugo) return `\n## Against Hugo\n\nnot measured: ${part.hugo.error}`;
      return hugoSection(part.hugo, shown(part.peers));
  }
}

/** The whole report of a finished bench, as the sections printed one after another. */
export function report(result: BenchResult, peers: string, shown?: (p: string) => string): string {
  const parts: BenchPart[] = [
    { part: "start", machine: result.machine, options: result.options },
    { part: "sizes", sizes: result.sizes },
  ];
  if (result.devServer) parts.push({ part: "devServer", devServer: result.devServer });
  if (result.searchCost) parts.push({ part: "searchCost", searchCost: result.searchCost });
  if (result.baseline) parts.push({ part: "baseline", baseline: result.baseline });
  if (result.hugo) parts.push({ part: "hugo", hugo: result.hugo, peers });
  return parts.map((part) => `${reportPart(part, shown)}\n`).join("");
}

/** The second column (the step or the build) left, every other right. */
function aligned(columns: number): Align[] {
  return Array.from({ length: columns }, (_, i) => (i === 1 ? "left" : "right"));
}

/** One pair of builds alternated on each size: a row per build, the paired ratio on the second's row. */
function pairedSection(
  title: string,
  ratioHeader: string,
  sizes: readonly { articles: number; ratio: Ratio; first: KindSummary; second: KindSummary }[],
  labels: (size: number) => [string, string],
): string {
  const rows = sizes.flatMap((c, i) =>
    (["first", "second"] as const).map((kind, k) => [
      String(c.articles),
      labels(i)[k]!,
      seconds(c[kind].wallMs.median),
      range(c[kind].wallMs),
      c[kind].peakRssMiB.median.toFixed(0),
      String(c[kind].files),
      kind === "second" ? times(c.ratio) : "",
    ]),
  );
  const headers = ["articles", "build", "wall (median)", "wall (min–max)", "peak RSS MiB", "files", ratioHeader];
  return `\n## ${title}\n\n${markdownTable(headers, rows, aligned(7))}`;
}

const HUGO_NOTE =
  "Each round runs the four builds in this order (after one warm-up round, not counted); each Wenku build is divided by the Hugo build above it, pair by pair: median (min–max). " +
  "Hugo + Pagefind = `hugo --quiet -d OUT && pagefind --site OUT --silent`, one process tree. Pages = `.html` files written (Hugo's page/1/ aliases not counted), checked equal across runs.";

function hugoSection(hugo: readonly HugoResult[], peers: string): string {
  const rows = hugo.flatMap((h) => {
    const labels: Record<HugoKind, [string, string]> = {
      hugo: [`Hugo ${h.hugoVersion}`, ""],
      "wenku-nosearch": ["Wenku (npm run build -- --no-search)", times(h.summary.noSearch)],
      "hugo-pagefind": [`Hugo ${h.hugoVersion} + Pagefind CLI`, ""],
      wenku: ["Wenku (npm run build, search index)", times(h.summary.search)],
    };
    return HUGO_KINDS.map((kind) => {
      const s = h.summary[kind];
      return [
        String(h.articles),
        labels[kind][0],
        seconds(s.wallMs.median),
        range(s.wallMs),
        s.msPerArticle.toFixed(2),
        s.peakRssMiB.median.toFixed(0),
        String(h.runs[kind][0]?.pages ?? ""),
        String(s.files),
        labels[kind][1],
      ];
    });
  });
  const headers = [
    "articles",
    "build",
    "wall (median)",
    "wall (min–max)",
    "ms/article",
    "peak RSS MiB",
    "pages",
    "files",
    "Wenku/Hugo",
  ];
  const table = markdownTable(headers, rows, aligned(headers.length));
  return `\n## Against Hugo, on the peer benchmark's archive (${peers}), like against like, alternating\n\n${table}\n\n${HUGO_NOTE}`;
}

function searchCostSection(searchCost: readonly SearchCost[]): string {
  return pairedSection(
    "What search costs: with and without the index, alternating",
    "on/off",
    searchCost.map((c) => ({ articles: c.articles, ratio: c.ratio, first: c.off, second: c.on })),
    () => ["npm run build -- --no-search", "npm run build (search index)"],
  );
}

function baselineSection(baseline: readonly BaselineCost[]): string {
  return pairedSection(
    "Against an earlier commit: npm run build of each, alternating",
    "this/baseline",
    baseline.map((c) => ({ articles: c.articles, ratio: c.ratio, first: c.baseline, second: c.current })),
    (i) => [`${baseline[i]!.ref} (baseline)`, "this tree"],
  );
}
