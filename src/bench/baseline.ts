// Against an earlier commit: its `npm run build` and this tree's, alternating on the same archives, so
// a change is measured against what came before it in the same run (the baseline is checked out as a
// git worktree beside the bench's files, sharing node_modules: only the code differs).
import path from "node:path";
import { alternate, PROJECT, ratioOf, summariseKind, timedRun, wenkuBuild } from "./runs.ts";
import type { BenchContext, Command, KindSummary, Ratio } from "./runs.ts";
import { baselineWorktree } from "./worktree.ts";

export interface BaselineCost {
  articles: number;
  /** The commit measured against, as given. */
  ref: string;
  baseline: KindSummary;
  current: KindSummary;
  /** This tree's wall ÷ the baseline's, per pair. */
  ratio: Ratio;
}

export async function benchBaseline(
  ctx: BenchContext,
  ref: string,
  archives: readonly { articles: number; content: string }[],
): Promise<BaselineCost[]> {
  const tree = baselineWorktree(PROJECT, ref, path.join(ctx.dir, `baseline-${ref.replace(/[^\w.-]/g, "_")}`));
  const inTree =
    (command: Command, cwd: string): Command =>
    (output) => ({ ...command(output), cwd });
  try {
    const costs: BaselineCost[] = [];
    for (const { articles, content } of archives) {
      const build = wenkuBuild(content, ctx.search);
      const list = await alternate(["baseline", "current"] as const, ctx.runs, (kind, run) =>
        timedRun(ctx, kind, articles, run, inTree(build, kind === "baseline" ? tree.root : PROJECT)),
      );
      costs.push({
        articles,
        ref,
        baseline: summariseKind(list.baseline, articles),
        current: summariseKind(list.current, articles),
        ratio: ratioOf(list.current, list.baseline),
      });
    }
    return costs;
  } finally {
    tree.remove();
  }
}
