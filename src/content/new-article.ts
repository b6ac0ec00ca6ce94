// The text of a new article, as `npm run new` writes it: valid front-matter, then a placeholder body.
import type { DateTime } from "luxon";
import { articleFileText } from "./front-matter.ts";

export interface NewArticle {
  title: string;
  category: string;
  date: DateTime;
  author?: string;
  slug?: string;
}

export function newArticleText(a: NewArticle): string {
  // The YAML writer quotes whatever needs it: any title, quotes and colons included, stays text.
  const frontMatter: Record<string, unknown> = {
    title: a.title,
    category: a.category,
    date: a.date.toFormat("yyyy-MM-dd HH:mm:ss"),
    views: 0,
  };
  if (a.author) frontMatter.author = a.author;
  if (a.slug) frontMatter.slug = a.slug;
  frontMatter.draft = true;
  return articleFileText(frontMatter, "\n");
}
