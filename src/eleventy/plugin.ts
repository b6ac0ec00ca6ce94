// The only module that talks to Eleventy: it hands the site model to the templates as global data
// `wenku` and registers the few filters they use. All logic lives in the pure modules it imports.
import { fill } from "../i18n/labels.ts";
import { createMarkdown } from "../render/markdown.ts";
import { forget, loadSite, type SiteOptions } from "../site/load-site.ts";
import type MarkdownIt from "markdown-it";

// Eleventy ships no types for its config object; this is the part Wenku uses.
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addWatchTarget(path: string): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
}

export default function wenkuPlugin(eleventyConfig: EleventyConfig, options: SiteOptions): void {
  const markdownByPrefix = new Map<string, MarkdownIt>();

  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.on("eleventy.beforeWatch", () => forget());
  // `wenku`: the pages; `site` and `t` (UI labels) for every template and partial.
  eleventyConfig.addGlobalData("wenku", () => loadSite(options));
  eleventyConfig.addGlobalData("site", async () => (await loadSite(options)).site);
  eleventyConfig.addGlobalData("t", async () => (await loadSite(options)).site.t);

  /** Article body (Markdown) → HTML, with the site's path prefix on root-relative links. */
  eleventyConfig.addFilter("markdown", (body: string, pathPrefix: string) => {
    let md = markdownByPrefix.get(pathPrefix);
    if (!md) markdownByPrefix.set(pathPrefix, (md = createMarkdown({ pathPrefix })));
    return md.render(body);
  });
  /** Label placeholders: {{ t.pageN | fill({ n: 2 }) }}. */
  eleventyConfig.addFilter("fill", (template: string, values: Record<string, string | number>) => fill(template, values));
}
