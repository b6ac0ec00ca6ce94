// npm run bench -- --sizes 1000,10000 [--runs 3] [--seed 1] [--dir .wenku/bench] [--json FILE] [--dev-server] [--no-search] [--search-cost] [--baseline GIT-REF] [--hugo [--peers DIR]]
// The command line over bench() (src/bench/bench.ts): options in, progress on stderr, the report's
// Markdown tables on stdout as each part is measured, every raw number to JSON. Linux only (/proc).
import { promises as fs } from "node:fs";
import path from "node:path";
import { bench, WenkuError } from "../src/index.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { benchDefaults, shownPath } from "../src/bench/options.ts";
import { reportPart } from "../src/bench/report.ts";

const USAGE =
  "usage: npm run bench -- --sizes 1000,10000 [--runs 3] [--seed 1] [--dir .wenku/bench] [--json FILE] [--dev-server] [--no-search] [--search-cost] [--baseline GIT-REF] [--hugo [--peers DIR]]";
const { values } = parseCommand("bench", USAGE, {
  options: {
    sizes: { type: "string", default: benchDefaults.sizes.join(",") },
    runs: { type: "string", default: String(benchDefaults.runs) },
    seed: { type: "string", default: benchDefaults.seed },
    dir: { type: "string", default: benchDefaults.dir },
    json: { type: "string" },
    "dev-server": { type: "boolean", default: false },
    "no-search": { type: "boolean", default: false },
    "search-cost": { type: "boolean", default: false },
    hugo: { type: "boolean", default: false },
    peers: { type: "string", default: benchDefaults.peers },
    baseline: { type: "string", default: benchDefaults.baseline },
  },
});
const cwd = startedIn();
const sizes = values.sizes!.split(",").map((s) => s.trim());
if (sizes.length === 0 || sizes.some((s) => !/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 999_999)) {
  fail(`wenku bench: --sizes ${values.sizes}: expected article counts from 1 to 999999, comma-separated\n${USAGE}`, 2);
}
if (!/^\d+$/.test(values.runs!) || Number(values.runs) < 1)
  fail(`wenku bench: --runs ${values.runs}: expected a whole number ≥ 1`, 2);
const shown = (p: string) => shownPath(cwd, p);

try {
  const result = await bench({
    sizes: sizes.map(Number),
    runs: Number(values.runs),
    seed: values.seed!,
    dir: values.dir!,
    devServer: values["dev-server"],
    search: !values["no-search"],
    searchCost: values["search-cost"],
    hugo: values.hugo,
    peers: values.peers!,
    baseline: values.baseline!,
    cwd,
    onLine: (line) => console.error(line),
    onPart: (part) => console.log(reportPart(part, shown)),
  });
  const jsonFile = path.resolve(cwd, values.json ?? path.join(result.options.dir, "bench-results.json"));
  await fs.mkdir(path.dirname(jsonFile), { recursive: true });
  await fs.writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  console.error(`results → ${shown(jsonFile)}`);
  if ((result.devServer && "error" in result.devServer) || (result.hugo && "error" in result.hugo))
    process.exitCode = 1;
} catch (error) {
  if (!(error instanceof WenkuError)) throw error;
  fail(
    error.code === "usage" ? `wenku bench: ${error.message}\n${USAGE}` : error.message,
    error.code === "usage" ? 2 : 1,
  );
}
