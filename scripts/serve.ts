// npm start [-- --content DIR] [--port 8080] [--host 127.0.0.1]
// Dev server with live reload. Builds drafts too, into .wenku/serve (never into the production _site).
// After an edit it re-reads only the files that changed and rewrites only the pages whose content
// changed (src/dev/page-changes.ts), then tells the browser to reload. A content mistake is printed
// and the last good pages stay up. The search index follows in the background: it is rebuilt a moment
// after the pages, reusing every shard whose articles did not change, and swapped in whole.
import { existsSync, watch } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { refuseOutput, userPath } from "../src/build/paths.ts";
import { renderModel } from "../src/build/render.ts";
import { describeError, problemLines, relativeTo } from "../src/cli/report.ts";
import { ArticleCache } from "../src/site/load-content.ts";
import { summary } from "../src/content/problems.ts";
import { pageChanges } from "../src/dev/page-changes.ts";
import { checkRequestPath } from "../src/dev/request-path.ts";
import { indexSite } from "../src/search/write-index.ts";
import { checkSite, type SiteOptions } from "../src/site/load-site.ts";
import { SEARCH_BUNDLE, type SiteModel } from "../src/site/model.ts";
import { outputFile } from "../src/content/permalink.ts";
import { fail, parseCommand } from "../src/cli/command.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");
const OUTPUT = path.join(PROJECT, ".wenku/serve");
const SEARCH_NEXT = path.join(PROJECT, ".wenku/serve-search");
const { values } = parseCommand("start", "usage: npm start [-- --content DIR] [--port 8080] [--host 127.0.0.1]", {
  options: {
    content: { type: "string", default: "content" },
    port: { type: "string", default: "8080" },
    // Loopback only unless asked: pass --host 0.0.0.0 to preview on a phone on the same network.
    host: { type: "string", default: "127.0.0.1" },
  },
});
const site: SiteOptions = { contentDir: userPath(values.content!), drafts: true };
// Both folders are emptied and rewritten: never where the content is (checked by real path).
for (const dir of [OUTPUT, SEARCH_NEXT]) {
  const refusal = refuseOutput(dir, site.contentDir, PROJECT, { force: true });
  if (refusal) fail(`wenku: refusing to serve: ${refusal}.`);
}
process.chdir(PROJECT);

// Eleventy's own dev server (a dependency of Eleventy): static files plus the live-reload socket.
const require = createRequire(import.meta.url);
const EleventyDevServer: new (name: string, dir: string, options: object) => {
  onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  serve(port: number): void;
  reload(event: { files: string[] }): void;
  close(): Promise<void>;
} = require(require.resolve("@11ty/eleventy-dev-server", { paths: [require.resolve("@11ty/eleventy")] }));

const cache = new ArticleCache();
let current: SiteModel | null = null;

/** Re-reads what changed, writes the pages that changed; returns the output files written. */
async function rebuild(): Promise<string[]> {
  const started = performance.now();
  const { model, problems, fileCount } = await checkSite({ ...site, cache });
  if (problems.length > 0) {
    for (const line of problemLines(relativeTo(process.env.INIT_CWD ?? PROJECT, problems))) console.error(line);
    console.error(`wenku: ${summary(problems, fileCount)}; the last good pages stay up.`);
    return [];
  }
  const changes = pageChanges(current, model);
  const rendered = changes.count > 0 ? await renderModel(changes.write, site, OUTPUT) : { files: [] };
  await Promise.all(changes.removed.map((p) => rm(path.join(OUTPUT, outputFile(p)), { force: true })));
  current = model;
  console.log(`wenku: ${changes.count} page(s) written, ${changes.removed.length} removed in ${Math.round(performance.now() - started)} ms`);
  if (changes.count > 0 || changes.removed.length > 0) reindex();
  return [...rendered.files, ...changes.removed.map(outputFile)].map((f) => path.join(OUTPUT, f));
}

// One index run at a time; edits during a run start one more after it, for the latest model.
let indexing = false;
let indexAgain = false;
function reindex(): void {
  if (!current || current.searchPages.length === 0) return;
  if (indexing) return void (indexAgain = true);
  indexing = true;
  const model = current;
  const started = performance.now();
  const live = path.join(OUTPUT, ...SEARCH_BUNDLE.split("/").filter(Boolean));
  (async () => {
    await rm(SEARCH_NEXT, { recursive: true, force: true });
    const result = await indexSite(model, SEARCH_NEXT, { previous: live });
    // Swapped in whole: the old index stays until the new one is in place.
    const old = `${live}.old`;
    await rm(old, { recursive: true, force: true });
    if (existsSync(live)) await rename(live, old);
    await rename(path.join(SEARCH_NEXT, ...SEARCH_BUNDLE.split("/").filter(Boolean)), live);
    await rm(old, { recursive: true, force: true });
    console.log(`wenku: search index updated (${result.shards - result.reused} of ${result.shards} shard(s) rebuilt) in ${Math.round(performance.now() - started)} ms`);
  })()
    .catch((error) => console.error(`wenku: the search index was not updated.\n${describeError(error)}`))
    .finally(() => {
      indexing = false;
      if (indexAgain) {
        indexAgain = false;
        reindex();
      }
    });
}

/** Rebuilds and reloads the browser; a failure is reported and the last good pages stay up. */
async function rebuildAndReload(): Promise<void> {
  try {
    const files = await rebuild();
    if (files.length > 0) server?.reload({ files });
  } catch (error) {
    console.error(`wenku: rebuild failed; the last good pages stay up.\n${describeError(error)}`);
  }
}

let server: InstanceType<typeof EleventyDevServer> | undefined;
await rm(OUTPUT, { recursive: true, force: true });
await rebuildAndReload();
const servedPrefix = (): string => current?.site.pathPrefix ?? "/";
// Eleventy's dev server listens on every interface; this one binds the host asked for.
class DevServer extends EleventyDevServer {
  _serverListen(port: number) {
    (this as unknown as { server: import("node:http").Server }).server.listen({ port, host: values.host });
  }
  // A malformed path would throw inside Eleventy's async handler and end the process (see
  // src/dev/request-path.ts): it is answered 400 here, and anything else that throws is a 500.
  override async onRequestHandler(req: IncomingMessage, res: ServerResponse) {
    const checked = checkRequestPath(req.url ?? "");
    if (!checked.ok) {
      res.writeHead(checked.status, { "Content-Type": "text/plain; charset=utf-8" }).end(`${checked.status} Bad Request: ${checked.reason}\n`);
      return;
    }
    try {
      await super.onRequestHandler(req, res);
    } catch (error) {
      console.error(`wenku: ${req.method} ${JSON.stringify(req.url)} failed; the server keeps running.\n${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("500 Internal Server Error\n");
      else res.destroy();
    }
  }
}
server = new DevServer("wenku", OUTPUT, { pathPrefix: servedPrefix(), domDiff: false, watch: [] });
server.serve(Number(values.port));

// Edits arrive in bursts (editors write, rename, touch); one rebuild per burst, never two at once.
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> = Promise.resolve();
let templatesChanged = false;
const schedule = (templates: boolean) => {
  templatesChanged ||= templates;
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(() => {
      if (templatesChanged) current = null; // a template edit changes every page
      templatesChanged = false;
      return rebuildAndReload();
    });
  }, 25);
};
watch(site.contentDir, { recursive: true }, () => schedule(false));
watch(path.join(PROJECT, "templates"), { recursive: true }, () => schedule(true));

process.on("SIGINT", async () => {
  await server?.close();
  process.exit(0);
});
