// Content folder → site model, or a ContentError listing every problem. Read once per build: the build's
// main process checks, and the model travels to Eleventy and the workers as an argument.
import path from "node:path";
import { hostFor } from "../config/host.ts";
import { pathPrefixOverride, type SiteConfig } from "../config/site.ts";
import { loadContent, type LoadOptions } from "./load-content.ts";
import { byPosition, ContentError, type Problem } from "../content/problems.ts";
import { buildSiteModel, type SiteModel } from "./model.ts";
import { checkMediaImages, type MediaImageOptions } from "./media-images.ts";
import { checkSiteFiles } from "./public-files.ts";
import { ImageSizes } from "../files/image-size.ts";

export interface SiteOptions {
  contentDir: string;
  drafts: boolean;
  /** Overrides the config's pathPrefix (e.g. from --path-prefix). */
  pathPrefix?: string;
  /** false turns search off whatever the config says (--no-search). */
  search?: boolean;
  /** The build's environment, read when the config says `host: auto` (NETLIFY, CF_PAGES); default none. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface SiteCheck {
  /** The model of everything that is valid; only buildable when `problems` is empty. */
  model: SiteModel;
  problems: Problem[];
  /** Files read: articles (drafts included), site config and registry. */
  fileCount: number;
  /** The site config the model was built with (overrides applied). */
  config: SiteConfig;
}

/**
 * The one validator, shared by `npm run check` and the build: reads everything, builds the model of
 * what is valid (so URL collisions are found too) and returns every problem, sorted by position.
 */
export async function checkSite(
  options: SiteOptions &
    Pick<LoadOptions, "cache" | "listing" | "texts"> & {
      /** Where the media are and sizes are kept (default: the content folder's media, no sizes). */
      media?: Partial<MediaImageOptions>;
    },
): Promise<SiteCheck> {
  const content = await loadContent(options);
  const images = await checkMediaImages(content.images, { contentDir: options.contentDir, ...options.media });
  const files = await checkSiteFiles(content.config, {
    contentDir: options.contentDir,
    siteFile: content.siteFile,
    locate: content.locateSetting,
    sizes: options.media?.sizes ?? new ImageSizes(),
  });
  // --path-prefix is checked as site config's pathPrefix is: a bad one is a problem naming the option.
  if (options.pathPrefix !== undefined)
    content.config.pathPrefix = pathPrefixOverride(options.pathPrefix, content.problems);
  if (options.search === false) content.config.search = false;
  if (options.env) content.config.redirectsFor = hostFor(content.config.host, options.env);
  const model = buildSiteModel(
    { ...content, imageSizes: images.sizes, publicFiles: files.publicFiles, gonganIcon: files.gonganIcon },
    path.join(options.contentDir, "_data", "categories.json"),
  );
  const problems = [...content.problems, ...images.problems, ...files.problems, ...model.problems].sort(byPosition);
  return { model, problems, fileCount: content.fileCount, config: content.config };
}

/** The checked, buildable model of a content folder; a ContentError listing every problem otherwise. */
export async function loadSite(options: SiteOptions & Pick<LoadOptions, "listing">): Promise<SiteModel> {
  const { model, problems, fileCount } = await checkSite(options);
  if (problems.length > 0) throw new ContentError(problems, fileCount);
  // Frozen at the top so Eleventy's data cascade passes it by reference instead of deep-copying it.
  return Object.freeze(model);
}
