// Two pages on one output file is an error naming both, also when the paths differ only in case or
// Unicode normalisation (case-insensitive file systems and hosts would merge them). So is a page whose
// file would have to be a folder for another ("/feed.xml" as an alias needs feed.xml/index.html, where the
// feed is a file), which would crash the build. An alias is an old address: its problems name the
// article, the `aliases` field and the alias, and it may not point into the folders the build fills
// itself (assets, media, the search page and index). So may a file of content/public/, named by its path.
import { outputFile } from "../content/permalink.ts";
import type { Problem } from "../content/problems.ts";
import type { PageContext } from "./pages/context.ts";
import { pageKind, type Page, type RedirectPage } from "./pages/index.ts";
import type { Owner } from "./pages/kind.ts";
import type { PublicFile } from "./public-files.ts";
import { ASSETS_PATH, MEDIA_PATH, SEARCH_BUNDLE, SEARCH_PATH, SEARCH_SCRIPT, STYLESHEET_PATH } from "./paths.ts";

export function findCollisions(pages: readonly Page[], ctx: PageContext): Problem[] {
  const { search } = ctx.config;
  const { registryFile } = ctx;
  /** Output file (folded) → who writes it; output folder (folded) → who first needed it. */
  const owners = new Map<string, Owner>();
  const folders = new Map<string, Owner>();
  const problems: Problem[] = [];
  const keyOf = (path: string) => outputFile(path).normalize("NFC").toLowerCase();
  const ownFolders = [ASSETS_PATH, MEDIA_PATH, ...(search ? [SEARCH_PATH, SEARCH_BUNDLE] : [])];

  /** What stands in the way of writing `key`, or undefined when nothing does. */
  const conflict = (key: string): { owner: Owner; how: string } | undefined => {
    const file = owners.get(key);
    if (file) return { owner: file, how: "is also written by" };
    const folder = folders.get(key);
    if (folder) return { owner: folder, how: "would be a file where a folder is needed by" };
    for (let i = key.indexOf("/"); i !== -1; i = key.indexOf("/", i + 1)) {
      const above = owners.get(key.slice(0, i));
      if (above) return { owner: above, how: `would need a folder where a file (/${key.slice(0, i)}) is written by` };
    }
    return undefined;
  };
  const take = (key: string, owner: Owner) => {
    owners.set(key, owner);
    for (let i = key.indexOf("/"); i !== -1; i = key.indexOf("/", i + 1))
      if (!folders.has(key.slice(0, i))) folders.set(key.slice(0, i), owner);
  };

  const claim = (path: string, owner: Owner) => {
    const key = keyOf(path);
    const file = owner.file ?? registryFile;
    // The build writes the Pagefind bundle into /pagefind/ after the pages: nothing else may live there.
    if (search && key.startsWith(SEARCH_BUNDLE.slice(1)) && path !== SEARCH_BUNDLE) {
      problems.push({
        file,
        line: 0,
        column: 0,
        field: "slug",
        found: `the page ${path} is inside ${SEARCH_BUNDLE}, the search index's folder`,
        expected: "a URL outside /pagefind/ (or search: false in site config)",
      });
      return;
    }
    const found = conflict(key);
    if (found === undefined) take(key, owner);
    else
      problems.push({
        file,
        line: 0,
        column: 0,
        field: owner.field ?? "slug",
        found: `the page ${path} ${found.how} ${found.owner.what}`,
        ...(found.owner.file ? { also: found.owner.file } : {}),
        expected: owner.fix ?? "a URL of its own: change slug: (or the articleUrl pattern)",
      });
  };

  const claimAlias = (page: RedirectPage, owner: Owner) => {
    const report = (found: string, expected: string, also?: string) =>
      problems.push({
        file: page.file,
        line: page.at?.line ?? 0,
        column: page.at?.column ?? 0,
        field: "aliases",
        found,
        ...(also ? { also } : {}),
        expected,
      });
    const key = keyOf(page.path);
    const inside = ownFolders.find((folder) => key.startsWith(folder.slice(1)));
    if (inside) {
      return void report(
        `the alias ${page.alias} is inside ${inside}, which the site fills with its own files`,
        `an old address outside ${ownFolders.join(", ")}: remove it from aliases`,
      );
    }
    // An alias that names one of the site's files as written ("/feed.xml") is that file; otherwise the
    // page that serves it ("/old/x" → /old/x/index.html) must be free.
    const same = owners.get(keyOf(page.alias));
    const found = same ? { owner: same, how: "is also written by" } : conflict(key);
    if (found)
      return void report(
        `the alias ${page.alias} ${found.how} ${found.owner.what}`,
        "an old address that no page or file of the site has: remove it from aliases",
        found.owner.file,
      );
    take(key, owner);
  };

  claim(STYLESHEET_PATH, { what: "the stylesheet" });
  if (search) {
    claim(SEARCH_SCRIPT, { what: "the search script" });
    // The build writes the Pagefind bundle into this folder after the pages.
    claim(SEARCH_BUNDLE, { what: "the search index" });
  }
  const rank = (page: Page) => pageKind(page.kind).claimRank;
  for (const page of [...pages].sort((a, b) => rank(a) - rank(b))) {
    const owner = pageKind(page.kind).owner(page as never, ctx);
    if (page.kind === "redirect") claimAlias(page, owner);
    else claim(page.path, owner);
  }
  // Files from content/public/ are copied to the root as they are: after every page and generated file
  // (sitemap, feeds, robots.txt, _headers, _redirects…), so the problem names the public file.
  claimPublicFiles(ctx.publicFiles, { ownFolders, conflict, take, problems });
  return problems;
}

type Conflict = (key: string) => { owner: Owner; how: string } | undefined;

function claimPublicFiles(
  files: readonly PublicFile[],
  at: { ownFolders: string[]; conflict: Conflict; take(key: string, owner: Owner): void; problems: Problem[] },
): void {
  for (const file of files) {
    const key = file.path.slice(1).normalize("NFC").toLowerCase();
    const report = (found: string, also?: string) =>
      at.problems.push({
        file: file.file,
        line: 0,
        column: 0,
        field: "-",
        found,
        ...(also ? { also } : {}),
        expected:
          "a path of its own below content/public/: rename or remove the file (the site writes that path itself)",
      });
    const inside = at.ownFolders.find((folder) => key.startsWith(folder.slice(1)));
    const found = inside ? undefined : at.conflict(key);
    if (inside) report(`the public file ${file.path} is inside ${inside}, which the site fills with its own files`);
    else if (found) report(`the public file ${file.path} ${found.how} ${found.owner.what}`, found.owner.file);
    else at.take(key, { what: `the public file ${file.path}`, file: file.file });
  }
}
