// npm start [-- --content DIR] [--port 8080] [--host 127.0.0.1]
// The command line over serve() (src/dev/serve.ts): a dev server with live reload, drafts included,
// writing into .wenku/serve (never into the production _site).
import { serve, WenkuError } from "../src/index.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { problemLines, relativeTo } from "../src/cli/report.ts";

const { values } = parseCommand("start", "usage: npm start [-- --content DIR] [--port 8080] [--host 127.0.0.1]", {
  options: {
    content: { type: "string", default: "content" },
    port: { type: "string", default: "8080" },
    // Loopback only unless asked: pass --host 0.0.0.0 to preview on a phone on the same network.
    host: { type: "string", default: "127.0.0.1" },
  },
});

try {
  const server = await serve({
    content: values.content!,
    port: Number(values.port),
    host: values.host!,
    cwd: startedIn(),
    onLog: (line, error) => (error ? console.error : console.log)(`wenku: ${line}`),
    onProblems: (problems, summary) => {
      for (const line of problemLines(relativeTo(startedIn(), problems))) console.error(line);
      console.error(`wenku: ${summary}; the last good pages stay up.`);
    },
  });
  process.on("SIGINT", async () => {
    await server.close();
    process.exit(0);
  });
} catch (error) {
  if (error instanceof WenkuError) fail(`wenku: ${error.message}`);
  throw error;
}
