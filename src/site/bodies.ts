// The bodies of the article pages about to be rendered, read from their files just before an Eleventy
// run, so only one partition's Markdown is in memory at a time.
import { readBodies } from "../content/body.ts";
import type { SiteModel } from "./model.ts";
import type { ArticlePage, Page } from "./pages/index.ts";

export type PageWithBody = ArticlePage & { body: string };
export type ModelWithBodies = Omit<SiteModel, "pages"> & {
  pages: readonly (Exclude<Page, ArticlePage> | PageWithBody)[];
};

export async function withBodies(model: SiteModel): Promise<ModelWithBodies> {
  const articles = model.pages.filter((page): page is ArticlePage => page.kind === "article");
  const bodies = new Map(articles.map((page, i) => [page, i]));
  const read = await readBodies(articles.map((page) => page.bodyAt));
  const pages = model.pages.map((page) =>
    page.kind === "article" ? { ...page, body: read[bodies.get(page)!]! } : page,
  );
  return Object.freeze({ ...model, pages });
}
