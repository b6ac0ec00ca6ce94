// node --import tsx scripts/bench-import.ts [--articles 1000] [--runs 3] [--baseline GIT-REF] [--dir DIR]
// Times `npm run import -- legacy-html` on a generated mirror (scripts/generate-mirror.ts) into a fresh
// content folder per run. With --baseline, the same import by that commit (checked out as a git
// worktree sharing this project's node_modules) is run alternately with this tree's, so both meet the
// same machine; prints every run, the medians and the ratio. A run that fails, or imports another
// number of articles than the mirror holds, stops the benchmark: it is never counted as a fast one.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measure } from "../src/bench/measure.ts";
import { baselineWorktree } from "../src/bench/worktree.ts";
import { median } from "../src/bench/stats.ts";
import { parseCommand } from "../src/cli/command.ts";

const { values } = parseCommand(
  "bench-import",
  "usage: node --import tsx scripts/bench-import.ts [--articles 1000] [--runs 3] [--baseline GIT-REF] [--dir DIR]",
  {
    options: {
      articles: { type: "string", default: "1000" },
      runs: { type: "string", default: "3" },
      baseline: { type: "string" },
      dir: { type: "string" },
    },
  },
);
const PROJECT = path.resolve(import.meta.dirname, "..");
const dir = values.dir ? path.resolve(values.dir) : mkdtempSync(path.join(tmpdir(), "wenku-bench-import-"));
mkdirSync(dir, { recursive: true });
execFileSync("node", ["--import", "tsx", "scripts/generate-mirror.ts", values.articles!, "--out", dir], {
  cwd: PROJECT,
  stdio: "inherit",
});
const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
  articles: unknown[];
  hacked: unknown[];
};
/** Every article page is imported, hacked ones cleaned of their spam. */
const expected = manifest.articles.length + manifest.hacked.length;

const baseline = values.baseline ? baselineWorktree(PROJECT, values.baseline, path.join(dir, "baseline")) : null;
const trees = [
  ...(baseline ? [{ name: `baseline ${values.baseline}`, root: baseline.root }] : []),
  { name: "this tree", root: PROJECT },
];

const walls = new Map(trees.map((t) => [t.name, [] as number[]]));
try {
  for (let i = 1; i <= Number(values.runs); i++) {
    for (const tree of trees) {
      const content = path.join(dir, "content");
      rmSync(content, { recursive: true, force: true });
      const r = await measure(
        "npm",
        ["run", "--silent", "import", "--", "legacy-html", path.join(dir, "site"), "--content", content],
        3_600_000,
        process.env,
        tree.root,
      );
      const created = Number(/→ (\d+) new/.exec(r.stdout)?.[1]);
      if (r.code !== 0 || created !== expected)
        throw new Error(
          `${tree.name}, run ${i}: exit ${r.code ?? r.signal}, ${created} articles imported of ${expected}:\n${r.stdout}${r.stderr}`,
        );
      walls.get(tree.name)!.push(r.wallMs / 1000);
      console.log(
        `run ${i} ${tree.name}: wall ${(r.wallMs / 1000).toFixed(2)} s · peak tree RSS ${(r.peakRssBytes / 1048576).toFixed(0)} MiB · ${created} articles`,
      );
    }
  }
} finally {
  baseline?.remove();
}
for (const [name, xs] of walls) console.log(`median of ${xs.length}, ${name}: ${median(xs).toFixed(2)} s`);
if (trees.length === 2)
  console.log(
    `this tree / baseline: ${(median(walls.get(trees[1]!.name)!) / median(walls.get(trees[0]!.name)!)).toFixed(2)}×`,
  );
