// node --import tsx scripts/generate-log.ts --content DIR --lines N [--seed S] --out FILE
// Writes a deterministic synthetic access log for the articles of DIR (see src/bench/access-log.ts)
// and prints what a correct `npm run views` counts in it, as JSON: { lines, views, unknown, byPath }.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { accessLog } from "../src/bench/access-log.ts";
import { fail, parseCommand } from "../src/cli/command.ts";
import { userPath } from "../src/cli/command.ts";
import { loadContent } from "../src/site/load-content.ts";
import { buildSiteModel, pagesOf } from "../src/site/model.ts";

const USAGE = "usage: node --import tsx scripts/generate-log.ts --content DIR --lines N [--seed S] --out FILE";
const { values } = parseCommand("generate-log", USAGE, {
  options: {
    content: { type: "string", default: "content" },
    lines: { type: "string" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
if (!values.out || !values.lines || !/^\d+$/.test(values.lines)) fail(USAGE, 2);

const content = await loadContent({ contentDir: userPath(values.content!), drafts: true });
const model = buildSiteModel(content);
const problems = [...content.problems, ...model.problems];
if (problems.length > 0)
  fail(`wenku generate-log: ${values.content} has ${problems.length} problem(s); run npm run check first.`, 1);
// Logs name addresses as the host serves them: under the path prefix.
const prefixed = (p: string) => content.config.pathPrefix.replace(/\/$/, "") + p;
const aliasesOf = new Map(content.articles.map((a) => [a.file, a.aliases]));
const articles = pagesOf(model, "article").map((page) => ({
  path: prefixed(page.path),
  aliases: (aliasesOf.get(page.file) ?? []).map(prefixed),
}));

const { lines, truth } = accessLog(articles, { lines: Number(values.lines), seed: values.seed! });
const out = createWriteStream(userPath(values.out));
let written = 0;
let chunk = "";
for (const line of lines) {
  chunk += `${line}\n`;
  written++;
  if (chunk.length > 1 << 16) {
    if (!out.write(chunk)) await once(out, "drain");
    chunk = "";
  }
}
out.end(chunk);
await once(out, "finish");
console.log(
  JSON.stringify({
    lines: written,
    views: truth.views,
    unknown: truth.unknown,
    byPath: Object.fromEntries(truth.byPath),
  }),
);
