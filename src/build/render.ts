// Runs Eleventy over some partitions of the site, one fresh Eleventy run per partition, into the
// staging folder. The same code runs in the build's main process and in its workers. The model travels
// as an argument: Eleventy gets it through its programmatic config callback (.eleventy.ts).
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import wenkuEleventy from "../../.eleventy.ts";
import { MAX_PARTITION_PAGES } from "./partition.ts";
import { htmlPageCount, type SiteModel } from "../site/model.ts";
import type { Page } from "../site/pages/index.ts";
import { dealPages } from "../site/partition.ts";

/** The project's templates and assets, wherever the caller's working folder is. */
const TEMPLATES = path.resolve(import.meta.dirname, "../../templates");

export interface RenderJob {
  /** What every page shows of the site. */
  site: SiteModel["site"];
  /** The partitions to render, in order, each with its pages (src/site/partition.ts dealPages). */
  parts: readonly { index: number; pages: readonly Page[] }[];
  /** The content folder (its media are copied by partition 0). */
  contentDir: string;
  /** Folder Eleventy writes into. */
  staging: string;
  /** The folder warnings' paths are relative to. */
  cwd: string;
}

export interface Rendered {
  /** Output files written, relative to the staging folder. */
  files: string[];
  /** UTF-8 bytes of the pages written (assets not counted). */
  bytes: number;
  /** Warnings, one line each (media left out). */
  warnings: string[];
}

/** Renders each partition in turn; `onPartition` is told after each one. */
export async function renderPartitions(
  job: RenderJob,
  onPartition?: (index: number, rendered: Rendered) => void,
): Promise<Rendered> {
  const all: Rendered = { files: [], bytes: 0, warnings: [] };
  for (const { index, pages } of job.parts) {
    const rendered = await runEleventy(job, { site: job.site, pages, problems: [] }, index === 0);
    all.files.push(...rendered.files);
    all.bytes += rendered.bytes;
    all.warnings.push(...rendered.warnings);
    onPartition?.(index, rendered);
  }
  return all;
}

/**
 * Renders exactly the pages of `model` (the dev server's changed pages) into `output`, in runs of at
 * most MAX_PARTITION_PAGES pages so a first build of a large archive stays within bounded memory.
 */
export async function renderModel(
  model: SiteModel,
  contentDir: string,
  output: string,
  cwd = process.cwd(),
): Promise<Rendered> {
  const parts = dealPages(model.pages, Math.max(1, Math.ceil(htmlPageCount(model) / MAX_PARTITION_PAGES)));
  return renderPartitions({
    site: model.site,
    parts: parts.map((pages, index) => ({ index, pages })),
    contentDir,
    staging: output,
    cwd,
  });
}

/** One Eleventy run over the templates, into the job's folder; reports what it wrote. */
async function runEleventy(job: RenderJob, model: SiteModel, siteWide: boolean): Promise<Rendered> {
  const output = job.staging;
  const warnings: string[] = [];
  const options = {
    model,
    contentDir: job.contentDir,
    assets: path.join(TEMPLATES, "assets"),
    siteWide,
    cwd: job.cwd,
    onWarning: (line: string) => warnings.push(line),
  };
  const eleventy = new Eleventy(TEMPLATES, output, {
    configPath: false,
    quietMode: true,
    config: (eleventyConfig: Parameters<typeof wenkuEleventy>[0]) => wenkuEleventy(eleventyConfig, options),
  });
  // Wenku reports progress and the summary itself; failures reach the caller as exceptions.
  eleventy.disableLogger();
  const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
  const rendered: Rendered = { files: [], bytes: 0, warnings };
  for (const result of templates.flat(Infinity) as { outputPath?: string; content?: string }[]) {
    if (!result?.outputPath) continue;
    rendered.files.push(path.relative(output, result.outputPath));
    rendered.bytes += Buffer.byteLength(result.content ?? "");
  }
  return rendered;
}
