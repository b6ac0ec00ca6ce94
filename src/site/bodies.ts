// The bodies of the article pages about to be rendered, read from their files just before an Eleventy
// run, so only one partition's Markdown is in memory at a time.
import { readBodies } from "../content/body.ts";
import type { ArticlePage, SiteModel } from "./model.ts";

export type PageWithBody = ArticlePage & { body: string };
export type ModelWithBodies = Omit<SiteModel, "articlePages"> & { articlePages: PageWithBody[] };

export async function withBodies(model: SiteModel): Promise<ModelWithBodies> {
  const bodies = await readBodies(model.articlePages.map((page) => page.bodyAt));
  return Object.freeze({ ...model, articlePages: model.articlePages.map((page, i) => ({ ...page, body: bodies[i]! })) });
}
