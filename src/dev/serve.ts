// The dev server as one call: builds drafts too into its own folder (never the production output),
// serves it with live reload, and after an edit re-reads only the files that changed and rewrites only
// the pages whose content changed: the build's own path, src/build/site-build.ts, one step per edit. A content mistake is reported and the last
// good pages stay up. The search index follows in the background: rebuilt a moment after the pages,
// reusing every shard whose articles did not change, and swapped in whole.
import { existsSync, watch, type FSWatcher } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { refuseOutput } from "../build/paths.ts";
import { renderModel } from "../build/render.ts";
import { SiteBuild } from "../build/site-build.ts";
import { describeError, summary, WenkuError, type Problem } from "../content/problems.ts";
import { outputFile } from "../content/permalink.ts";
import { PublicSync, selectPublic } from "../files/public.ts";
import { indexSite } from "../search/write-index.ts";
import type { SiteOptions } from "../site/load-site.ts";
import { pagesOf, type SiteModel } from "../site/model.ts";
import { SEARCH_BUNDLE } from "../site/paths.ts";
import { checkRequestPath } from "./request-path.ts";

const PROJECT = path.resolve(import.meta.dirname, "../..");

export interface ServeOptions {
  /** The content folder; absolute or relative to `cwd`. */
  content: string;
  port?: number;
  /** Loopback unless asked: "0.0.0.0" previews on a phone on the same network. */
  host?: string;
  /** Where the pages are written; default .wenku/serve in the project. Emptied first. */
  output?: string;
  /** The folder relative paths are resolved against; default process.cwd(). */
  cwd?: string;
  /** Told each line worth showing: what was rebuilt, and problems (`error` true). */
  onLog?: (line: string, error: boolean) => void;
  /** Told each content problem of a rebuild that found some (the last good pages stay up). */
  onProblems?: (problems: readonly Problem[], summary: string) => void;
}

export interface DevServer {
  /** The address it listens on ("http://127.0.0.1:8080/"). */
  url: string;
  /** Re-reads what changed and rewrites the pages that changed, as after an edit. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

// Eleventy's own dev server (a dependency of Eleventy): static files plus the live-reload socket.
const require = createRequire(import.meta.url);
const EleventyDevServer: new (
  name: string,
  dir: string,
  options: object,
) => {
  onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  serve(port: number): void;
  reload(event: { files: string[] }): void;
  close(): Promise<void>;
} = require(require.resolve("@11ty/eleventy-dev-server", { paths: [require.resolve("@11ty/eleventy")] }));

export async function serveSite(options: ServeOptions): Promise<DevServer> {
  const cwd = options.cwd ?? process.cwd();
  const output = path.resolve(cwd, options.output ?? path.join(PROJECT, ".wenku/serve"));
  const searchNext = `${output}-search`;
  const site: SiteOptions = { contentDir: path.resolve(cwd, options.content), drafts: true };
  const log = (line: string, error = false) => options.onLog?.(line, error);
  // Both folders are emptied and rewritten: never where the content is (checked by real path).
  for (const dir of [output, searchNext]) {
    const refusal = refuseOutput(dir, site.contentDir, PROJECT, { force: true });
    if (refusal) throw new WenkuError("refused", `refusing to serve: ${refusal}.`);
  }

  const steps = new SiteBuild(site, { steps: "many" });
  const publicSync = new PublicSync(output);
  let server: InstanceType<typeof EleventyDevServer> | undefined;

  /** Re-reads what changed, writes the pages that changed; returns the output files written. */
  async function rebuildPages(): Promise<string[]> {
    const started = performance.now();
    const step = await steps.step();
    if (!step.ok) {
      options.onProblems?.(step.problems, summary(step.problems, step.fileCount));
      return [];
    }
    const { model, changes } = step;
    // content/public/ follows too: copies of removed files go before the pages (one may take the path),
    // new and changed files are copied after them.
    const publicFiles = await selectPublic(site.contentDir);
    const publicGone = await publicSync.removeGone(publicFiles);
    const rendered =
      changes.count > 0 ? await renderModel(changes.write, site.contentDir, output, cwd) : { files: [], warnings: [] };
    for (const line of rendered.warnings) log(`warning: ${line}`, true);
    await Promise.all(changes.removed.map((p) => rm(path.join(output, outputFile(p)), { force: true })));
    const publicCopied = await publicSync.copy(publicFiles);
    steps.wrote(model);
    log(
      `${changes.count} page(s) written, ${changes.removed.length} removed in ${Math.round(performance.now() - started)} ms`,
    );
    if (changes.count > 0 || changes.removed.length > 0) reindex();
    return [
      ...[...rendered.files, ...changes.removed.map(outputFile)].map((f) => path.join(output, f)),
      ...publicGone,
      ...publicCopied,
    ];
  }

  const search = searchFollower(output, searchNext, log);
  const reindex = () => {
    const written = steps.written; // the pages the search index follows
    if (written && pagesOf(written, "search").length > 0) search.reindex(written);
  };

  /** Rebuilds and reloads the browser; a failure is reported and the last good pages stay up. */
  async function rebuildAndReload(): Promise<void> {
    try {
      const files = await rebuildPages();
      if (files.length > 0) server?.reload({ files });
    } catch (error) {
      log(`rebuild failed; the last good pages stay up.\n${describeError(error)}`, true);
    }
  }

  await rm(output, { recursive: true, force: true });
  await rebuildAndReload();
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 8080;
  server = boundServer(output, host, steps.written?.site.pathPrefix ?? "/", log);
  server.serve(port);

  // Edits arrive in bursts (editors write, rename, touch); one rebuild per burst, never two at once.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let templatesChanged = false;
  const schedule = (templates: boolean) => {
    templatesChanged ||= templates;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => {
        if (templatesChanged) steps.forget(); // a template edit changes every page
        templatesChanged = false;
        return rebuildAndReload();
      });
    }, 25);
  };
  const watchers: FSWatcher[] = [
    watch(site.contentDir, { recursive: true }, () => schedule(false)),
    watch(path.join(PROJECT, "templates"), { recursive: true }, () => schedule(true)),
  ];

  return {
    url: `http://${host}:${port}/`,
    rebuild: () => (running = running.then(rebuildAndReload)),
    close: async () => {
      clearTimeout(timer);
      watchers.forEach((w) => w.close());
      await running;
      await server?.close();
    },
  };
}

/**
 * The search index follows the pages: one index run at a time (edits during a run start one more after
 * it, for the latest model), reusing every shard whose articles did not change, swapped in whole.
 */
function searchFollower(
  output: string,
  searchNext: string,
  log: (line: string, error?: boolean) => void,
): { reindex(model: SiteModel): void } {
  let indexing = false;
  let next: SiteModel | null = null;
  const bundle = SEARCH_BUNDLE.split("/").filter(Boolean);
  const live = path.join(output, ...bundle);
  const run = (model: SiteModel) => {
    indexing = true;
    const started = performance.now();
    (async () => {
      await rm(searchNext, { recursive: true, force: true });
      const result = await indexSite(model, searchNext, { previous: live });
      // Swapped in whole: the old index stays until the new one is in place.
      const old = `${live}.old`;
      await rm(old, { recursive: true, force: true });
      if (existsSync(live)) await rename(live, old);
      await rename(path.join(searchNext, ...bundle), live);
      await rm(old, { recursive: true, force: true });
      log(
        `search index updated (${result.shards - result.reused} of ${result.shards} shard(s) rebuilt) in ${Math.round(performance.now() - started)} ms`,
      );
    })()
      .catch((error) => log(`the search index was not updated.\n${describeError(error)}`, true))
      .finally(() => {
        indexing = false;
        const again = next;
        next = null;
        if (again) run(again);
      });
  };
  return { reindex: (model) => (indexing ? void (next = model) : run(model)) };
}

/** Eleventy's dev server, bound to the host asked for (it listens on every interface by itself). */
function boundServer(
  output: string,
  host: string,
  pathPrefix: string,
  log: (line: string, error?: boolean) => void,
): InstanceType<typeof EleventyDevServer> {
  class BoundServer extends EleventyDevServer {
    _serverListen(port: number) {
      (this as unknown as { server: Server }).server.listen({ port, host });
    }
    // A malformed path would throw inside Eleventy's async handler and end the process (see
    // src/dev/request-path.ts): it is answered 400 here, and anything else that throws is a 500.
    override async onRequestHandler(req: IncomingMessage, res: ServerResponse) {
      const checked = checkRequestPath(req.url ?? "");
      if (!checked.ok) {
        res
          .writeHead(checked.status, { "Content-Type": "text/plain; charset=utf-8" })
          .end(`${checked.status} Bad Request: ${checked.reason}\n`);
        return;
      }
      try {
        await super.onRequestHandler(req, res);
      } catch (error) {
        log(
          `${req.method} ${JSON.stringify(req.url)} failed; the server keeps running.\n${describeError(error)}`,
          true,
        );
        if (!res.headersSent)
          res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("500 Internal Server Error\n");
        else res.destroy();
      }
    }
  }
  return new BoundServer("wenku", output, { pathPrefix, domDiff: false, watch: [] });
}
