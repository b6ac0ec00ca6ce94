// npm run build [-- --content DIR] [--output DIR] [--path-prefix /archive/]
// Validates the whole content folder first and writes nothing if anything is wrong; otherwise renders
// into a staging folder and swaps it in, so the previous site survives any failure.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { discard, prepareStaging, swapIn } from "../src/build/atomic-output.ts";
import { refuseOutput, userPath } from "../src/build/paths.ts";
import { problemLines, relativeTo } from "../src/build/report.ts";
import { ContentError, summary } from "../src/content/problems.ts";
import { loadSite } from "../src/site/load-site.ts";
import { outputFile } from "../src/site/permalink.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    "path-prefix": { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});
const contentDir = userPath(values.content!);
const outputDir = userPath(values.output!);
const started = performance.now();

const refusal = refuseOutput(outputDir, contentDir, PROJECT);
if (refusal) fail(`wenku: refusing to build: ${refusal}.`);

const siteOptions = { contentDir, drafts: false, pathPrefix: values["path-prefix"] };
let model;
try {
  model = await loadSite(siteOptions);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const line of problemLines(relativeTo(process.env.INIT_CWD ?? process.cwd(), error.problems))) console.error(line);
  fail(`wenku: ${summary(error.problems, error.fileCount)}; nothing was written.`);
}

// The Eleventy config reads these (see .eleventy.ts); the model above is reused from loadSite's cache.
process.env.WENKU_CONTENT = contentDir;
process.env.WENKU_DRAFTS = "0";
process.env.WENKU_PATH_PREFIX = values["path-prefix"] ?? "";
process.chdir(PROJECT);

const staging = await prepareStaging(outputDir);
try {
  const eleventy = new Eleventy("templates", staging, { configPath: ".eleventy.ts", quietMode: true });
  await eleventy.write();
  // No silent drop: every article in the model must have its page on disk.
  const missing: string[] = [];
  for (const page of model.articlePages) {
    try {
      await fs.access(path.join(staging, outputFile(page.path)));
    } catch {
      missing.push(page.file);
    }
  }
  if (missing.length > 0) throw new Error(`${missing.length} article(s) have no page, e.g. ${missing.slice(0, 3).join(", ")}`);
  await swapIn(staging, outputDir);
} catch (error) {
  await discard(staging);
  fail(`wenku: build failed, ${outputDir} is unchanged.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

if (!values.quiet) {
  const pages = model.articlePages.length + model.listPages.length + model.homePages.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`wenku: ${model.articlePages.length} articles, ${pages} pages → ${path.relative(process.env.INIT_CWD ?? PROJECT, outputDir) || "."} in ${seconds} s`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
