// npm run new -- --category <slug> --title "…" [--slug <slug>] [--author "…"] [--content DIR]
// Writes content/articles/<category>/<slug>.md with valid front-matter (dated now, in the site's zone,
// marked draft: true until the author removes it) and checks it with the same reader the build uses.
import { promises as fs } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { readArticle } from "../src/content/article.ts";
import { splitFrontMatter } from "../src/content/front-matter.ts";
import { loadContent } from "../src/site/load-content.ts";
import { newArticleText } from "../src/content/new-article.ts";
import { closest } from "../src/content/closest.ts";
import { formatProblem } from "../src/content/problems.ts";
import { slugify } from "../src/content/slug.ts";
import { fail, parseCommand, startedIn, userPath } from "../src/cli/command.ts";

const USAGE =
  'usage: npm run new -- --category <slug> --title "Title" [--slug <slug>] [--author "Name"] [--content DIR]';
const { values } = parseCommand("new", USAGE, {
  options: {
    category: { type: "string" },
    title: { type: "string" },
    slug: { type: "string" },
    author: { type: "string" },
    content: { type: "string", default: "content" },
  },
});
const contentDir = userPath(values.content!);
if (!values.category || !values.title?.trim()) fail(USAGE, 2);

const { config, registry, problems } = await loadContent({ contentDir, drafts: true });
if (registry.all.length === 0)
  fail(`wenku: no categories to file the article in:\n${problems.map(formatProblem).join("\n")}`);
const category = values.category;
if (!registry.bySlug.has(category)) {
  const guess = closest(category, registry.bySlug.keys());
  fail(
    `wenku: no category "${category}" in the registry${guess ? `; did you mean "${guess}"?` : ""} (known: ${[...registry.bySlug.keys()].join(", ")})`,
  );
}
const title = values.title.trim();
const slug = slugify(values.slug ?? title)
  .slice(0, 80)
  .replace(/-+$/, "");
if (slug === "") fail(`wenku: the title gives no usable file name; pass --slug, e.g. --slug annual-report`);

const file = path.join(contentDir, "articles", category, `${slug}.md`);
const text = newArticleText({
  title,
  category,
  date: DateTime.now().setZone(config.timeZone),
  author: values.author,
  slug: values.slug ? slug : undefined,
});

// Check the new file with the build's own reader before writing it.
const { split } = splitFrontMatter(text, file);
const checked =
  split &&
  readArticle(split.frontMatter, split.body, split.bodyLine, {
    file,
    baseName: slug,
    timeZone: config.timeZone,
    registry,
  });
if (!checked?.article)
  fail(`wenku: could not write a valid article:\n${(checked?.problems ?? []).map(formatProblem).join("\n")}`);

await fs.mkdir(path.dirname(file), { recursive: true });
try {
  await fs.writeFile(file, text, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EEXIST") fail(`wenku: ${file} exists already; pass another --slug`);
  throw error;
}
console.log(`wenku: wrote ${path.relative(startedIn(), file)} (draft: true — remove that line to publish)`);
