// What search costs: builds with and without the Pagefind index, alternating on the same archive.
import {
  alternate,
  ratioOf,
  summariseKind,
  timedRun,
  wenkuBuild,
  type BenchContext,
  type KindSummary,
  type Ratio,
} from "./runs.ts";

export interface SearchCost {
  articles: number;
  on: KindSummary;
  off: KindSummary;
  /** Wall of the build with the index ÷ the build without, per pair. */
  ratio: Ratio;
}

export async function benchSearchCost(
  ctx: BenchContext,
  archives: readonly { articles: number; content: string }[],
): Promise<SearchCost[]> {
  const costs: SearchCost[] = [];
  for (const { articles, content } of archives) {
    const list = await alternate(["search", "nosearch"] as const, ctx.runs, (kind, run) =>
      timedRun(ctx, kind, articles, run, wenkuBuild(content, kind === "search")),
    );
    costs.push({
      articles,
      on: summariseKind(list.search, articles),
      off: summariseKind(list.nosearch, articles),
      ratio: ratioOf(list.search, list.nosearch),
    });
  }
  return costs;
}
