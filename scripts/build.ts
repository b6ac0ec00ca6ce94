// npm run build [-- --content DIR] [--output DIR] [--seo DIR] [--cache DIR | --no-cache] [--force] [--path-prefix /archive/] [--no-search] [--workers N] [--quiet]
// The command line over build() (src/build/build-site.ts): options in, progress and the summary out.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { build, mainHeapFor, type BuildProgress } from "../src/index.ts";
import { failureLines, redirectsLine, seoLines, summaryLine, warningLines } from "../src/cli/build-lines.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { progress } from "../src/cli/progress.ts";

const started = performance.now();
const USAGE =
  "usage: npm run build [-- --content DIR] [--output DIR] [--seo DIR] [--cache DIR | --no-cache] [--force] [--path-prefix /archive/] [--no-search] [--workers N] [--quiet]\n" +
  "  --seo    the folder for Baidu's move files (baidu-move-N.txt, dead-links-N.txt), outside the site; default .wenku/seo in the project\n" +
  "  --cache  the build cache (the search index, reused by a build into a fresh output folder, e.g. on CI), outside the site; default .wenku/cache in the project; --no-cache: none\n" +
  "  --force  replace an output folder that holds other files than a site Wenku built (never the content, the project, home or system folders)";
const { values } = parseCommand("build", USAGE, {
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    seo: { type: "string", default: path.join(path.resolve(import.meta.dirname, ".."), ".wenku/seo") },
    cache: { type: "string", default: path.join(path.resolve(import.meta.dirname, ".."), ".wenku/cache") },
    "no-cache": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    "path-prefix": { type: "string" },
    "no-search": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    workers: { type: "string" },
  },
});
const cwd = startedIn();
const workers = values.workers ? Math.max(1, Math.floor(Number(values.workers)) || 1) : undefined;

// package.json starts this process with a 1 GiB heap; an archive that needs more gets a restart with it.
const heap = await mainHeapFor(values.content!, { cwd, workers }).catch(() => 0);
if (getHeapStatistics().heap_size_limit < heap * 1024 * 1024 * 0.95) {
  console.error(`wenku: this archive needs a ${heap} MiB heap; restarting with it`);
  const argv = [
    `--max-old-space-size=${heap}`,
    ...process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")),
    ...process.argv.slice(1),
  ];
  process.exit(spawnSync(process.execPath, argv, { stdio: "inherit" }).status ?? 1);
}

const show = progress(process.stderr, started, () => performance.now());
const step = (p: BuildProgress) =>
  show.step(
    p.stage === "checking"
      ? "reading and checking content"
      : `${p.articles} articles checked · ${p.pagesWritten} pages written${p.stage === "indexing" ? " · finishing the search index" : ""}`,
  );
try {
  const options = {
    content: values.content!,
    output: values.output!,
    force: values.force,
    seo: values.seo!,
    ...(values["no-cache"] ? {} : { cache: values.cache! }),
    cwd,
    onProgress: step,
    onRecovered: (line: string) => console.error(`wenku: ${line}`),
    ...(workers ? { workers } : {}),
  };
  const result = await build({
    ...options,
    ...(values["path-prefix"] !== undefined ? { pathPrefix: values["path-prefix"] } : {}),
    ...(values["no-search"] ? { search: false } : {}),
  });
  show.done();
  if (!values.quiet) {
    const redirects = redirectsLine(result);
    const lines = [summaryLine(result, cwd, performance.now() - started), redirects, ...seoLines(result, cwd)];
    for (const line of lines) if (line) console.log(line);
  }
  for (const line of warningLines(result)) console.error(line);
} catch (error) {
  show.done();
  fail(failureLines(error, cwd).join("\n"));
}
