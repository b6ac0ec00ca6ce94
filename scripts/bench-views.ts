// node --import tsx scripts/bench-views.ts [--articles 2000] [--lines 1000000] [--runs 3] [--dir DIR]
// Times `npm run views` on a generated archive whose articles each have an old address (aliases)
// and a generated access log with alias hops, bots and repeats (src/bench/access-log.ts). Each run
// gets a fresh copy of the archive (its files are rewritten); prints every run and the medians of
// wall time and peak RSS of the whole process tree (npm and node).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withAlias } from "../src/bench/access-log.ts";
import { measure } from "../src/bench/measure.ts";
import { median } from "../src/bench/stats.ts";
import { parseCommand } from "../src/cli/command.ts";

const { values } = parseCommand(
  "bench-views",
  "usage: node --import tsx scripts/bench-views.ts [--articles 2000] [--lines 1000000] [--runs 3] [--dir DIR]",
  {
    options: {
      articles: { type: "string", default: "2000" },
      lines: { type: "string", default: "1000000" },
      runs: { type: "string", default: "3" },
      dir: { type: "string" },
    },
  },
);
const PROJECT = path.resolve(import.meta.dirname, "..");
const dir = values.dir ? path.resolve(values.dir) : mkdtempSync(path.join(tmpdir(), "wenku-bench-views-"));
mkdirSync(dir, { recursive: true });
const pristine = path.join(dir, "content");
const log = path.join(dir, "access.log");
const run = (args: string[]) => execFileSync("node", ["--import", "tsx", ...args], { cwd: PROJECT, encoding: "utf8" });

run(["scripts/generate-archive.ts", values.articles!, "--out", pristine]);
// The generated archive has no aliases: one old address per article, as an imported archive has.
const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith(".md") ? [path.join(d, e.name)] : [],
  );
for (const file of walk(path.join(pristine, "articles")))
  writeFileSync(file, withAlias(readFileSync(file, "utf8"), `/a/${path.basename(file, ".md")}.html`));
const truth = JSON.parse(
  run(["scripts/generate-log.ts", "--content", pristine, "--lines", values.lines!, "--out", log]),
) as { lines: number; views: number };
console.log(
  `${truth.lines} log lines (${(readFileSync(log).length / 1048576).toFixed(0)} MiB), ${values.articles} articles with aliases; a correct count is ${truth.views} views`,
);

const walls: number[] = [];
const peaks: number[] = [];
for (let i = 1; i <= Number(values.runs); i++) {
  const content = path.join(dir, `run-${i}`);
  rmSync(content, { recursive: true, force: true });
  cpSync(pristine, content, { recursive: true });
  const r = await measure(
    "npm",
    ["run", "--silent", "views", "--", log, "--content", content],
    3_600_000,
    process.env,
    PROJECT,
  );
  if (r.code !== 0) throw new Error(`run ${i} failed (${r.code ?? r.signal}):\n${r.stderr}`);
  const counted = /(\d+) view\(s\) counted/.exec(r.stdout)?.[1];
  if (Number(counted) !== truth.views)
    throw new Error(`run ${i} counted ${counted} views; the log holds ${truth.views}`);
  walls.push(r.wallMs / 1000);
  peaks.push(r.peakRssBytes / 1048576);
  console.log(
    `run ${i}: wall ${walls.at(-1)!.toFixed(2)} s · peak tree RSS ${peaks.at(-1)!.toFixed(0)} MiB · ${counted} views counted`,
  );
  rmSync(content, { recursive: true, force: true });
}
console.log(
  `median of ${walls.length}: wall ${median(walls).toFixed(2)} s · peak tree RSS ${median(peaks).toFixed(0)} MiB`,
);
