// The bodies of the article pages about to be rendered, read from their files just before an Eleventy
// run, so only one partition's Markdown is in memory at a time; and those of the articles a full feed
// carries (each file once, however many feeds hold it).
import { readBodies } from "../content/body.ts";
import type { BodyLocation } from "../content/article.ts";
import type { SiteModel } from "./model.ts";
import type { ArticlePage, FeedPage, Page } from "./pages/index.ts";

export type PageWithBody = ArticlePage & { body: string };
/** A feed page with the Markdown of its items' bodies (in item order; none in a summary feed). */
export type FeedWithBodies = FeedPage & { texts: readonly string[] };
export type ModelWithBodies = Omit<SiteModel, "pages"> & {
  pages: readonly (Exclude<Page, ArticlePage | FeedPage> | PageWithBody | FeedWithBodies)[];
};

export async function withBodies(model: SiteModel): Promise<ModelWithBodies> {
  const wanted: BodyLocation[] = [];
  const index = new Map<string, number>();
  const want = (at: BodyLocation) => {
    if (!index.has(at.file)) index.set(at.file, wanted.push(at) - 1);
    return index.get(at.file)!;
  };
  for (const page of model.pages)
    if (page.kind === "article") want(page.bodyAt);
    else if (page.kind === "feed") page.bodies.forEach((b) => want(b.at));
  const read = await readBodies(wanted);
  const pages = model.pages.map((page) =>
    page.kind === "article"
      ? { ...page, body: read[index.get(page.bodyAt.file)!]! }
      : page.kind === "feed"
        ? { ...page, texts: page.bodies.map((b) => read[index.get(b.at.file)!]!) }
        : page,
  );
  return Object.freeze({ ...model, pages });
}
