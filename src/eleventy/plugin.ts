// The only module that talks to Eleventy: it hands the site model to the templates as global data
// `wenku` and registers the few filters they use. All logic lives in the pure modules it imports.
import type MarkdownIt from "markdown-it";
import path from "node:path";
import { copyMedia, leftOutLines, selectMedia } from "../files/media.ts";
import { copyPublic, publicLeftOutLines, selectPublic } from "../files/public.ts";
import { fill } from "../i18n/labels.ts";
import { renderComment } from "../render/comment-markdown.ts";
import { createMarkdown, renderArticle, type MarkdownEnv } from "../render/markdown.ts";
import { tableOfContents } from "../render/toc.ts";
import { feedDocument, type FeedBodyCache } from "../render/feed-content.ts";
import { withBodies, type FeedWithBodies } from "../site/bodies.ts";
import type { SiteModel } from "../site/model.ts";
import type { ArticlePage } from "../site/pages/index.ts";
import type { SiteView } from "../site/site-view.ts";
import { articleJsonLd } from "../site/structured-data.ts";

// Eleventy ships no types for its config object; this is the part Wenku uses.
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
  benchmarkManager?: { getBenchmarkGroup(name: string): { setIsVerbose(verbose: boolean): void } };
}

export interface WenkuPluginOptions {
  /** The pages this Eleventy run writes: a checked site model, or one partition's share of it. */
  model: SiteModel;
  /** The content folder, whose media files the run with the site-wide files copies. */
  contentDir: string;
  /** Folder copied to /assets/. */
  assets: string;
  /** Whether this run also writes the site-wide files: the assets, the media and content/public/ (partition 0 of a split build). */
  siteWide: boolean;
  /** The folder the warnings' paths are relative to. */
  cwd: string;
  /** Told each line about a media file that was left out. */
  onWarning?: (line: string) => void;
}

export default function wenkuPlugin(eleventyConfig: EleventyConfig, options: WenkuPluginOptions): void {
  const markdownByPrefix = new Map<string, MarkdownIt>();
  const { model } = options;

  // Eleventy warns when a filter takes over 8 % of a run; rendering Markdown always does here.
  eleventyConfig.benchmarkManager?.getBenchmarkGroup("Configuration").setIsVerbose(false);
  if (options.siteWide) {
    eleventyConfig.addPassthroughCopy({ [options.assets]: "assets" });
    // Images and documents that belong to articles (the importer copies old sites' files here): not a
    // passthrough copy, which follows every link and copies every file, but exactly the allowed
    // media types inside the content folder (src/build/media.ts), once, by the partition with the
    // site-wide files. What is left out is named, one warning line per file.
    eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      const selection = await selectMedia(options.contentDir);
      for (const line of leftOutLines(selection, options.cwd)) options.onWarning?.(line);
      await copyMedia(selection, path.resolve(directories.output));
      // content/public/ to the site root, as it is (src/files/public.ts); collisions were checked with the pages.
      const publicFiles = await selectPublic(options.contentDir);
      for (const line of publicLeftOutLines(publicFiles, options.cwd)) options.onWarning?.(line);
      await copyPublic(publicFiles, path.resolve(directories.output));
    });
  }

  // `wenku`: the pages (this run's share, bodies read now); `site` and `t` (UI labels) for every template.
  eleventyConfig.addGlobalData("wenku", async () => withBodies(model));
  eleventyConfig.addGlobalData("site", model.site);
  eleventyConfig.addGlobalData("t", model.site.t);

  const markdownFor = (pathPrefix: string) => {
    let md = markdownByPrefix.get(pathPrefix);
    if (!md) markdownByPrefix.set(pathPrefix, (md = createMarkdown({ pathPrefix })));
    return md;
  };
  /**
   * An article page's body (Markdown) → { html, toc }: its HTML, with the site's path prefix on
   * root-relative links and its images' sizes, and its table of contents (null for none), from one
   * parse, so the headings the table links to are exactly the ones on the page.
   */
  eleventyConfig.addFilter(
    "articleBody",
    (body: string, pathPrefix: string, tocMinHeadings: number | null, imageSizes?: MarkdownEnv["imageSizes"]) => {
      const { html, headings } = renderArticle(markdownFor(pathPrefix), body, imageSizes);
      return { html, toc: tableOfContents(headings, tocMinHeadings) };
    },
  );
  /** A past comment's text → HTML: the same renderer, headings below the comment section's (src/render/comment-markdown.ts). */
  eleventyConfig.addFilter("commentMarkdown", (text: string, pathPrefix: string) =>
    renderComment(markdownFor(pathPrefix), text),
  );
  /** JSON-LD (Article + BreadcrumbList) for an article page, safe inside <script>. */
  eleventyConfig.addFilter("articleJsonLd", (page: ArticlePage, siteView: SiteView) =>
    articleJsonLd(page, siteView, page.entry.views),
  );
  /** A feed's text, its items' articles rendered once each for every feed of this run. */
  let feedMarkdown: MarkdownIt | undefined;
  const feedBodies: FeedBodyCache = new Map();
  eleventyConfig.addFilter("feedDocument", (page: FeedWithBodies) => {
    feedMarkdown ??= createMarkdown({ pathPrefix: model.site.origin + model.site.pathPrefix, base: true });
    return feedDocument(page, feedMarkdown, feedBodies);
  });
  /** Label placeholders: {{ t.pageN | fill({ n: 2 }) }}. */
  eleventyConfig.addFilter("fill", (template: string, values: Record<string, string | number>) =>
    fill(template, values),
  );
}
