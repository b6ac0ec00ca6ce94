// npm start [-- --content DIR] [--port 8080]
// Dev server with live reload: builds drafts too, into .wenku/serve (never into the production _site),
// and rebuilds when anything under the content folder or templates/ changes.
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { userPath } from "../src/build/paths.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    port: { type: "string", default: "8080" },
  },
});

process.env.WENKU_CONTENT = userPath(values.content!);
process.env.WENKU_DRAFTS = "1";
process.chdir(PROJECT);

const eleventy = new Eleventy("templates", ".wenku/serve", { configPath: ".eleventy.ts", runMode: "serve" });
await eleventy.init();
await eleventy.watch();
await eleventy.serve(Number(values.port));

process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exit(0);
});
