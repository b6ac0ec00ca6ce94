// Netlify's and Cloudflare's own local servers (`netlify dev`, `wrangler pages dev`, installed in
// tests/hosts by setup.sh) serving a built site, so a test sees statuses and headers as each host sends
// them. Both run offline: each on 127.0.0.1 and free ports, with a HOME, config and working folder of its
// own under the test's temporary folder, and is stopped with its whole process group.
//
// What it takes to start them without a network (netlify-cli 26.2, wrangler 4.86):
// - wrangler's default compatibility date is today, which its workerd binary may not support yet ("This
//   Worker requires compatibility date …, but the newest date supported by this server binary is …": "The
//   Workers runtime failed to start"): pass the binary's own date (the workerd package exports it).
//   CLOUDFLARE_CF_FETCH_ENABLED=false keeps miniflare from fetching Request.cf from workers.cloudflare.com,
//   WRANGLER_SEND_METRICS=false its metrics, WRANGLER_HIDE_BANNER its update check.
// - `netlify dev --offline` still downloads Deno for Edge Functions ("Setting up the Edge Functions
//   environment… fetch failed", then it exits): `--internal-disable-edge-functions` (a hidden flag, "use this
//   if your environment doesn't support Deno") skips them; redirects are processed without them. Its main
//   server listens on every interface, so ./loopback-only.mjs is preloaded; telemetry is off in its config
//   and NO_UPDATE_NOTIFIER=1 stops the update check.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { PROJECT } from "./build.ts";

export type HostName = "netlify" | "cloudflare";

export interface HostServer {
  host: HostName;
  /** "http://127.0.0.1:41234" */
  origin: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  /** Stops the server and every process it started; resolves once they have exited. */
  stop(): Promise<void>;
}

export interface HostResponse {
  status: number;
  /** The Location header exactly as sent, or null. */
  location: string | null;
  body: string;
}

// Declared in tests/hosts/ (package.json and lockfile), installed by setup.sh into node_modules/.hosts/, so
// the CLIs' own third-party files stay inside node_modules/ and out of the project's tests/.
const HOSTS = path.join(PROJECT, "node_modules/.hosts");
const READY_MS = 90_000;

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `host`'s local server on `site` (a built output folder); `temp` holds its home and state. */
export async function startHostServer(host: HostName, site: string, temp: string): Promise<HostServer> {
  const cli = path.join(
    HOSTS,
    "node_modules",
    host === "netlify" ? "netlify-cli/bin/run.js" : "wrangler/bin/wrangler.js",
  );
  if (!existsSync(cli))
    throw new Error(
      `${cli} is missing: run \`bash scripts/setup.sh\` (it installs tests/hosts/ into node_modules/.hosts/)`,
    );
  const home = path.join(temp, `${host}-home`);
  const cwd = path.join(temp, `${host}-project`);
  mkdirSync(path.join(home, ".config/netlify"), { recursive: true });
  mkdirSync(cwd, { recursive: true });
  const port = await freePort();
  const { args, env } =
    host === "netlify" ? await netlifyDev(cli, site, port, home) : await wranglerDev(cli, site, port);
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...baseEnv(), HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), ...env },
    detached: true, // its own process group, so stop() reaches workerd and every other child
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: HostServer = {
    host,
    origin: `http://127.0.0.1:${port}`,
    output: () => printed,
    stop: () => stopGroup(child, exited),
  };
  // A test run that ends without stop() (a crash, a timeout) still takes the servers with it.
  const onExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", onExit);
  void exited.then(() => process.off("exit", onExit));
  try {
    await waitUntilAnswering(server, exited);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The parent's environment without any host's build variables (a test must not inherit NETLIFY=true). */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(NETLIFY|CF_PAGES|CLOUDFLARE_|WRANGLER_)/.test(key)) delete env[key];
  return env;
}

async function netlifyDev(cli: string, site: string, port: number, home: string) {
  writeFileSync(path.join(home, ".config/netlify/config.json"), JSON.stringify({ telemetryDisabled: true }));
  const preload = path.join(import.meta.dirname, "loopback-only.mjs");
  const staticPort = await freePort();
  return {
    args: [
      "--import",
      preload,
      cli,
      "dev",
      "--offline",
      "--internal-disable-edge-functions",
      ...["--dir", site, "--port", String(port), "--staticServerPort", String(staticPort)],
      "--no-open",
      "--skip-gitignore",
    ],
    env: { NO_UPDATE_NOTIFIER: "1", BROWSER: "none" },
  };
}

async function wranglerDev(cli: string, site: string, port: number) {
  const workerd = createRequire(path.join(HOSTS, "package.json"))("workerd") as { compatibilityDate: string };
  return {
    args: [
      cli,
      "pages",
      "dev",
      site,
      ...["--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort())],
      ...["--compatibility-date", workerd.compatibilityDate],
    ],
    env: { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" },
  };
}

async function waitUntilAnswering(server: HostServer, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${server.host}'s local server exited before answering:\n${server.output()}`);
    try {
      await get(server, "/");
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${server.host}'s local server did not answer within ${READY_MS / 1000} s:\n${server.output()}`);
}

/** GET `requestPath` (already percent-encoded) without following redirects. */
export function get(server: Pick<HostServer, "origin">, requestPath: string): Promise<HostResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.origin}${requestPath}`, { timeout: 15_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${requestPath}: no answer`)));
    req.on("error", reject);
    req.end();
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  signalGroup(child, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") signalGroup(child, "SIGKILL");
  await exited;
  // workerd and the static server are children in the same group: make sure none outlives the CLI.
  signalGroup(child, "SIGKILL");
}
