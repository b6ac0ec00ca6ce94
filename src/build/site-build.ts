// One build path for `npm run build` and the dev server, as Hugo's HugoSites.Build serves both: read
// what changed (articles are cached by size and mtime across steps), check everything, and work out
// which pages differ from the pages last written — all of them on a first step. The build takes one
// step and renders its pages with its workers into a staging folder; the dev server keeps one SiteBuild
// and takes a step per edit, rendering only the changed pages into the folder it serves. The width and
// height of body images are kept the same way, by file, size and mtime (src/files/image-size.ts).
import { ImageSizes } from "../files/image-size.ts";
import { ArticleCache, type LoadOptions } from "../site/load-content.ts";
import type { Problem } from "../content/problems.ts";
import type { SiteConfig } from "../config/site.ts";
import { pageChanges, type PageChanges } from "../site/changes.ts";
import { checkSite, type SiteOptions } from "../site/load-site.ts";
import type { SiteModel } from "../site/model.ts";

export type Step =
  | { ok: true; model: SiteModel; changes: PageChanges; fileCount: number; config: SiteConfig }
  | { ok: false; problems: Problem[]; fileCount: number };

export class SiteBuild {
  readonly #cache: ArticleCache | undefined;
  readonly #imageSizes: ImageSizes;
  #written: SiteModel | null = null;

  /** `steps: "many"` keeps every article read for the next step (the dev server); a build takes one. */
  constructor(
    readonly site: SiteOptions,
    { steps, imageSizes }: { steps: "one" | "many"; imageSizes?: ImageSizes },
  ) {
    this.#cache = steps === "many" ? new ArticleCache() : undefined;
    this.#imageSizes = imageSizes ?? new ImageSizes();
  }

  /** Reads what changed and checks everything: the model and the pages to write, or every problem. */
  async step(listing?: LoadOptions["listing"]): Promise<Step> {
    const { model, problems, fileCount, config } = await checkSite({
      ...this.site,
      ...(this.#cache ? { cache: this.#cache } : {}),
      ...(listing ? { listing } : {}),
      media: { sizes: this.#imageSizes },
    });
    if (problems.length > 0) return { ok: false, problems, fileCount };
    // Frozen at the top so Eleventy's data cascade passes it by reference instead of deep-copying it.
    const checked = Object.freeze(model);
    return { ok: true, model: checked, changes: pageChanges(this.#written, checked), fileCount, config };
  }

  /** The model whose pages were written last, or null before the first write (and after forget()). */
  get written(): SiteModel | null {
    return this.#written;
  }

  /** The step's pages are written: the next step is compared with them. */
  wrote(model: SiteModel): void {
    this.#written = model;
  }

  /** The next step writes every page again (a template changed). */
  forget(): void {
    this.#written = null;
  }
}
