// Content folder → site model, or a ContentError listing every problem. Results are kept per
// (folder, drafts, prefix) until forget() — the build validates first and Eleventy then reuses the model.
import path from "node:path";
import { normalisePathPrefix } from "../config/site.ts";
import { loadContent } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { buildSiteModel, type SiteModel } from "./model.ts";

export interface SiteOptions {
  contentDir: string;
  drafts: boolean;
  /** Overrides the config's pathPrefix (e.g. from --path-prefix). */
  pathPrefix?: string;
}

const cache = new Map<string, Promise<SiteModel>>();

export function loadSite(options: SiteOptions): Promise<SiteModel> {
  const key = JSON.stringify([path.resolve(options.contentDir), options.drafts, options.pathPrefix ?? null]);
  let model = cache.get(key);
  if (!model) {
    model = readSite(options);
    cache.set(key, model);
    model.catch(() => cache.delete(key));
  }
  return model;
}

/** Drops cached models, so the next loadSite() reads the folder again (the dev server calls this). */
export function forget(): void {
  cache.clear();
}

async function readSite(options: SiteOptions): Promise<SiteModel> {
  const content = await loadContent(options);
  if (options.pathPrefix !== undefined) content.config.pathPrefix = normalisePathPrefix(options.pathPrefix);
  if (content.problems.length > 0) throw new ContentError(content.problems);
  const model = buildSiteModel(content, path.join(options.contentDir, "_data", "categories.json"));
  if (model.problems.length > 0) throw new ContentError(model.problems);
  // Frozen at the top so Eleventy's data cascade passes it by reference instead of deep-copying it.
  return Object.freeze(model);
}
