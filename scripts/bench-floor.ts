// node --import tsx scripts/bench-floor.ts --content DIR --output DIR
// The benchmark floor: the least a static generator for these articles must do, written as plain Node.
// Reads every Markdown file under DIR/articles (recursively, sorted), parses its front-matter with
// gray-matter (YAML 1.2 core schema), renders the body with the site's own markdown-it setup, and writes
// one minimal page per article to OUTPUT/<folder>/<file-id>/index.html. Sequential, no checks beyond
// what it needs, no navigation, no lists, no templates. Prints the article count.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { createMarkdown } from "../src/render/markdown.ts";
import { fail } from "../src/cli/command.ts";

const USAGE = "usage: node --import tsx scripts/bench-floor.ts --content DIR --output DIR";

const { values } = parseArgs({ options: { content: { type: "string" }, output: { type: "string" } } });
if (!values.content || !values.output) fail(USAGE, 2);
const base = process.env.INIT_CWD ?? process.cwd();
const contentDir = path.resolve(base, values.content);
const outputDir = path.resolve(base, values.output);
const articlesDir = path.join(contentDir, "articles");
const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
if (inside(outputDir, contentDir) || inside(contentDir, outputDir))
  fail(`bench-floor: the output folder ${outputDir} overlaps the content folder ${contentDir}`);

const md = createMarkdown({ pathPrefix: "/" });
// A fresh options object per call: gray-matter caches parses by input text when called without options.
const matterOptions = () => ({
  engines: { yaml: (text: string) => (parseYaml(text, { schema: "core" }) ?? {}) as object },
});

let count = 0;
for (const file of await markdownFiles(articlesDir)) {
  const text = await fs.readFile(file, "utf8");
  const { data, content } = matter(text, matterOptions());
  const relative = path.relative(articlesDir, file);
  const id = path.basename(relative, path.extname(relative));
  const title = typeof data.title === "string" ? data.title : String(data.title ?? id);
  const html = `<!DOCTYPE html>\n<html>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<h1>${escapeHtml(title)}</h1>\n${md.render(content)}</html>\n`;
  const dir = path.join(outputDir, path.dirname(relative), id);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "index.html"), html);
  count++;
}
console.log(`bench-floor: ${count} articles`);

/** Every `.md` file under `dir`, recursively, skipping dotfiles, in sorted order. */
async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(full)));
    else if (entry.isFile() && entry.name.endsWith(".md")) out.push(full);
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
