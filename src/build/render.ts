// Runs Eleventy over some partitions of the site, one fresh Eleventy run per partition, into the
// staging folder. The same code runs in the build's main process and in its workers.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { primeSite, type SiteOptions } from "../site/load-site.ts";
import { MAX_PARTITION_PAGES } from "./partition.ts";
import { htmlPageCount, type SiteModel } from "../site/model.ts";

/** Sets the variables .eleventy.ts reads to find the content: in the build and in each worker. */
export function setSiteEnvironment(site: SiteOptions): void {
  process.env.WENKU_CONTENT = site.contentDir;
  process.env.WENKU_DRAFTS = site.drafts ? "1" : "0";
  process.env.WENKU_PATH_PREFIX = site.pathPrefix ?? "";
  process.env.WENKU_SEARCH = site.search === false ? "0" : "";
}

export interface RenderJob {
  /** Folder Eleventy writes into. */
  staging: string;
  /** Partition indexes to render, in order. */
  partitions: readonly number[];
  /** Number of partitions in the whole build. */
  count: number;
}

export interface Rendered {
  /** Output files written, relative to the staging folder. */
  files: string[];
  /** UTF-8 bytes of the pages written (assets not counted). */
  bytes: number;
}

/** Renders each partition in turn; `onPartition` is told after each one. Needs cwd = project root. */
export async function renderPartitions(job: RenderJob, onPartition?: (index: number, rendered: Rendered) => void): Promise<Rendered> {
  const all: Rendered = { files: [], bytes: 0 };
  for (const index of job.partitions) {
    // .eleventy.ts reads the partition from here when Eleventy loads it for this run.
    process.env.WENKU_PARTITION = `${index}/${job.count}`;
    const rendered = await runEleventy(job.staging);
    all.files.push(...rendered.files);
    all.bytes += rendered.bytes;
    onPartition?.(index, rendered);
  }
  delete process.env.WENKU_PARTITION;
  return all;
}

/**
 * Renders exactly the pages of `model` (the dev server's changed pages) into `output`, in runs of at
 * most MAX_PARTITION_PAGES pages so a first build of a large archive stays within bounded memory.
 */
export async function renderModel(model: SiteModel, site: SiteOptions, output: string): Promise<Rendered> {
  setSiteEnvironment(site);
  primeSite(site, model);
  const count = Math.max(1, Math.ceil(htmlPageCount(model) / MAX_PARTITION_PAGES));
  return renderPartitions({ staging: output, partitions: Array.from({ length: count }, (_, i) => i), count });
}

/** One Eleventy run over the templates, into `output`; reports what it wrote. */
async function runEleventy(output: string): Promise<Rendered> {
  const eleventy = new Eleventy("templates", output, { configPath: ".eleventy.ts", quietMode: true });
  // Wenku reports progress and the summary itself; failures reach the caller as exceptions.
  eleventy.disableLogger();
  const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
  const rendered: Rendered = { files: [], bytes: 0 };
  for (const result of templates.flat(Infinity) as { outputPath?: string; content?: string }[]) {
    if (!result?.outputPath) continue;
    rendered.files.push(path.relative(output, result.outputPath));
    rendered.bytes += Buffer.byteLength(result.content ?? "");
  }
  return rendered;
}
