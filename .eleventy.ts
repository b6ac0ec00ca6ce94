// Eleventy wiring only. Behaviour lives in src/: content model and checks in src/content/, navigation
// and page models in src/site/, Markdown in src/render/, the Eleventy adapter in src/eleventy/.
// Run through scripts/build.ts and scripts/serve.ts, which pass this file as configPath and set the
// WENKU_* variables read here.
import { parsePartition } from "./src/site/partition.ts";
import wenkuPlugin from "./src/eleventy/plugin.ts";

export default function (eleventyConfig: any) {
  // --- content: which folder, drafts or not, which share of the pages, and the assets ---
  eleventyConfig.addPlugin(wenkuPlugin, {
    contentDir: process.env.WENKU_CONTENT ?? "content",
    drafts: process.env.WENKU_DRAFTS === "1",
    pathPrefix: process.env.WENKU_PATH_PREFIX || undefined,
    search: process.env.WENKU_SEARCH === "0" ? false : undefined,
    partition: parsePartition(process.env.WENKU_PARTITION),
    assets: "templates/assets",
  });

  // --- templates: Nunjucks only; article bodies are data, never run through a template language ---
  return {
    dir: { input: "templates", includes: "_includes", layouts: "_layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    markdownTemplateEngine: false,
  };
}
