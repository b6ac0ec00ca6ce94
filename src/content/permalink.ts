// Site paths. A "path" here is the decoded, prefix-free address of a page ("/研究/a/"); an "href" is
// what goes into a link: path prefix added and each segment percent-encoded, so it resolves on any host.
import type { DateTime } from "luxon";
import type { Category } from "./categories.ts";
import { encodePath } from "./slug.ts";

export const URL_PLACEHOLDERS: readonly string[] = ["category", "category-path", "slug", "yyyy", "MM", "dd"];

export function articlePath(pattern: string, values: { category: Category; slug: string; date: DateTime }): string {
  const fill: Record<string, string> = {
    category: values.category.slug,
    "category-path": values.category.path.join("/"),
    slug: values.slug,
    yyyy: values.date.toFormat("yyyy"),
    MM: values.date.toFormat("MM"),
    dd: values.date.toFormat("dd"),
  };
  return pattern.replace(/\{([^}]+)\}/g, (whole, name: string) => fill[name] ?? whole).replace(/\/{2,}/g, "/");
}

/** Page 1 of a category list is the category's own address; page n is …/page/n/. */
export function categoryPath(category: Category, pageNumber = 1): string {
  const base = `/${category.path.join("/")}/`;
  return pageNumber <= 1 ? base : `${base}page/${pageNumber}/`;
}

/** The file a path is written to, relative to the output folder: "/a/b/" → "a/b/index.html". */
export function outputFile(path: string): string {
  const relative = path.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Link target for a site path under `prefix` ("/" or "/archive/"), with an optional fragment id. */
export function href(prefix: string, path: string, fragment?: string): string {
  const full = prefix.replace(/\/$/, "") + encodePath(path);
  return fragment ? `${full}#${encodeURIComponent(fragment)}` : full;
}
