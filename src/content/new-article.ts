// The text of a new article, as `npm run new` writes it: valid front-matter, then a placeholder body.
import type { DateTime } from "luxon";

export interface NewArticle {
  title: string;
  category: string;
  date: DateTime;
  author?: string;
  slug?: string;
}

export function newArticleText(a: NewArticle): string {
  // JSON strings are valid YAML double-quoted scalars: any title, quotes and colons included, stays text.
  const lines = [
    "---",
    `title: ${JSON.stringify(a.title)}`,
    `category: ${a.category}`,
    `date: ${a.date.toFormat("yyyy-MM-dd HH:mm:ss")}`,
    "views: 0",
  ];
  if (a.author) lines.push(`author: ${JSON.stringify(a.author)}`);
  if (a.slug) lines.push(`slug: ${a.slug}`);
  lines.push("draft: true", "---", "", "");
  return lines.join("\n");
}
