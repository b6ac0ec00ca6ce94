// Eleventy wiring only. Behaviour lives in src/: content model and checks in src/content/, navigation
// and page models in src/site/, Markdown in src/render/, the Eleventy adapter in src/eleventy/.
// Not a config file Eleventy finds by itself: src/build/render.ts passes this function as Eleventy's
// programmatic `config` callback (configPath: false), with the model of the pages to write as an argument.
import wenkuPlugin, { type EleventyConfig, type WenkuPluginOptions } from "./src/eleventy/plugin.ts";

export default function wenkuEleventy(
  eleventyConfig: EleventyConfig & EleventySetters,
  options: WenkuPluginOptions,
): void {
  // --- content: the pages of this run (the whole site or one partition), the assets and media ---
  eleventyConfig.addPlugin(wenkuPlugin, options);

  // --- templates: Nunjucks only; article bodies are data, never run through a template language ---
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setIncludesDirectory("_includes");
}

/** The setters of Eleventy's config object this file uses (Eleventy ships no types for it). */
interface EleventySetters {
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options: T): void;
  setTemplateFormats(formats: string[]): void;
  setIncludesDirectory(dir: string): void;
}
