// Reads a content folder: site config, category registry and every article, collecting every problem.
// Nothing here knows about Eleventy; the build, the dev server and the tests all call loadContent().
import { promises as fs } from "node:fs";
import path from "node:path";
import { readSiteConfig, type SiteConfig } from "../config/site.ts";
import { readArticle, type Article } from "../content/article.ts";
import { mediaImages, type MediaImage } from "../content/images.ts";
import { shareMediaImage } from "../content/share-image.ts";
import { readRegistry, type Registry } from "../content/categories.ts";
import { normaliseText, splitFrontMatter } from "../content/front-matter.ts";
import type { Problem } from "../content/problems.ts";
import { parseJsonSource } from "../content/json-source.ts";
import { parseYamlSource, type YamlSource } from "../content/yaml-source.ts";
import { listArticleFiles, readText } from "../content/read-files.ts";

export interface LoadOptions {
  /** The content folder: holds `_data/` and `articles/`. */
  contentDir: string;
  /** Include articles marked `draft: true` (the dev server does, builds do not). */
  drafts: boolean;
  /** Reuse files read before that have not changed since (the dev server keeps one across rebuilds). */
  cache?: ArticleCache;
  /** The article files, when the caller has listed them already (the build does, to size its workers). */
  listing?: { files: readonly string[]; problems: readonly Problem[] };
  /** Texts of listed files to read instead of the files (an import checks what it is about to write). */
  texts?: ReadonlyMap<string, string>;
}

/** An article file read: the article when it is valid, its problems, and its body's images under /media/. */
type ArticleResult = { article?: Article; problems: Problem[]; images: MediaImage[] };

/**
 * Articles already read, by file, with the size and mtime they had. An article's checks depend on the
 * site's time zone, locale and set of category slugs, so entries read under others are dropped.
 */
export class ArticleCache {
  #context = "";
  #entries = new Map<string, { mtimeMs: number; size: number; result: ArticleResult }>();

  async read(file: string, context: string, reader: () => Promise<ArticleResult>): Promise<ArticleResult> {
    if (context !== this.#context) {
      this.#entries.clear();
      this.#context = context;
    }
    const stat = await fs.stat(file);
    const hit = this.#entries.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.result;
    const result = await reader();
    this.#entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    return result;
  }

  /** Forgets files that are gone. */
  keepOnly(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of this.#entries.keys()) if (!keep.has(file)) this.#entries.delete(file);
  }
}

export interface LoadedContent {
  config: SiteConfig;
  registry: Registry;
  /** Articles to publish, in file-path order. */
  articles: Article[];
  /** Files read: articles (drafts included), site config and registry. */
  fileCount: number;
  /** Every problem found, in file order; the content is only buildable when this is empty. */
  problems: Problem[];
  /**
   * The images under /media/ of every article read (drafts and articles with problems too), by file: its
   * body's, then its front-matter `image`; and site config's `image` under the config file.
   */
  images: ReadonlyMap<string, readonly MediaImage[]>;
  /** The site config file, and where a setting is in it (line 0 when unknown): for checks made later. */
  siteFile: string;
  locateSetting(path: (string | number)[]): { line: number; column: number };
}

const READ_CONCURRENCY = 64;

export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const dataDir = path.join(options.contentDir, "_data");
  const problems: Problem[] = [];

  const siteFile = await readDataFile(dataDir, "site", problems);
  const { config, problems: configProblems } = readSiteConfig(
    siteFile?.source,
    siteFile?.file ?? path.join(dataDir, "site.json"),
  );
  problems.push(...configProblems);

  const registryFile = await readDataFile(dataDir, "categories", problems);
  const registryPath = registryFile?.file ?? path.join(dataDir, "categories.json");
  if (!registryFile) {
    problems.push({
      file: registryPath,
      line: 0,
      column: 0,
      field: "-",
      found: "no category registry",
      expected: "content/_data/categories.json listing the categories",
    });
  }
  const { registry, problems: registryProblems } = readRegistry(
    registryFile?.source ?? parseYamlSource("[]", registryPath),
    registryPath,
    config.locale,
  );
  problems.push(...registryProblems);
  for (const slug of config.nav ?? []) {
    const category = registry.bySlug.get(slug);
    if (!category || category.parent !== null) {
      problems.push({
        file: siteFile?.file ?? "site config",
        ...(siteFile?.source.locate(["nav"]) ?? { line: 0, column: 0 }),
        field: "nav",
        found: `"${slug}"`,
        expected: "the slug of a top-level category in the registry",
      });
    }
  }

  const files = options.listing
    ? [...options.listing.files]
    : await listArticleFiles(path.join(options.contentDir, "articles"), options.contentDir, problems);
  if (options.listing) problems.push(...options.listing.problems);
  const articles: Article[] = [];
  const images = new Map<string, readonly MediaImage[]>();
  const siteImage = config.image && shareMediaImage(config.image);
  if (siteImage) images.set(config.image!.file, [siteImage]);
  const { cache } = options;
  const context = `${config.timeZone}\n${config.locale}\n${[...registry.bySlug.keys()].join(",")}`;
  const read = (file: string) =>
    cache
      ? cache.read(file, context, () => readArticleFile(file, config, registry, options.texts))
      : readArticleFile(file, config, registry, options.texts);
  cache?.keepOnly(files);
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const batch = await Promise.all(files.slice(i, i + READ_CONCURRENCY).map(read));
    batch.forEach((result, j) => {
      problems.push(...result.problems);
      if (result.images.length > 0) images.set(files[i + j]!, result.images);
      if (result.article && (options.drafts || !result.article.draft)) articles.push(result.article);
    });
  }
  const dataFiles = (siteFile ? 1 : 0) + (registryFile ? 1 : 0);
  return {
    config,
    registry,
    articles,
    fileCount: files.length + dataFiles,
    problems,
    images,
    siteFile: siteFile?.file ?? path.join(dataDir, "site.json"),
    locateSetting: (at) => siteFile?.source.locate(at) ?? { line: 0, column: 0 },
  };
}

async function readArticleFile(
  file: string,
  config: SiteConfig,
  registry: Registry,
  texts?: ReadonlyMap<string, string>,
): Promise<ArticleResult> {
  const given = texts?.get(file);
  const decoded =
    given === undefined
      ? await readText(file)
      : ({ ok: true, text: normaliseText(given), size: Buffer.byteLength(given), mtimeMs: 0 } as const);
  if (!decoded.ok) return { problems: [decoded.problem], images: [] };
  const { split, problems } = splitFrontMatter(decoded.text, file);
  if (!split) return { problems, images: [] };
  const baseName = path.basename(file, path.extname(file));
  const bodyAt = { file, bodyStart: split.bodyStart, size: decoded.size, mtimeMs: decoded.mtimeMs };
  const article = readArticle(split.frontMatter, split.body, split.bodyLine, {
    file,
    baseName,
    timeZone: config.timeZone,
    registry,
    bodyAt,
    locale: config.locale,
  });
  // Found whether or not the front-matter is valid: a missing image is reported with the rest.
  const shareImage = article.article?.image && shareMediaImage(article.article.image);
  const images = mediaImages(split.body, split.bodyLine);
  return { ...article, images: shareImage ? [...images, shareImage] : images };
}

async function readDataFile(
  dir: string,
  base: string,
  problems: Problem[],
): Promise<{ file: string; source: YamlSource } | undefined> {
  const found: string[] = [];
  for (const ext of [".json", ".yaml", ".yml"]) {
    const file = path.join(dir, base + ext);
    if (await exists(file)) found.push(file);
  }
  if (found.length === 0) return undefined;
  if (found.length > 1) {
    problems.push({
      file: found[1]!,
      line: 0,
      column: 0,
      field: "-",
      found: `a second ${base} file beside ${path.basename(found[0]!)}`,
      expected: `one ${base} file`,
    });
  }
  const file = found[0]!;
  const decoded = await readText(file);
  if (!decoded.ok) {
    problems.push(decoded.problem);
    return undefined;
  }
  // .json is JSON, not YAML read leniently: a trailing comma or a comment is an error with its position.
  return {
    file,
    source: file.endsWith(".json") ? parseJsonSource(decoded.text, file) : parseYamlSource(decoded.text, file),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
