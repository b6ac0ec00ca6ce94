// `npm start` answers malformed and escaping request paths with 400 and keeps serving: each bad path
// is sent raw with node:http (a URL class would normalise it first), on a real dev server.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, PROJECT } from "./helpers/build.ts";

/** Status and body of a GET of `rawPath`, exactly as written. */
const get = (port: number, rawPath: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject).end();
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const PAGE = "/research/marketing/industrial-marketing/first/";
const BAD = [
  "/%ff",
  "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
  "/research/%e0%80%ae%e0%80%ae/",
  "/..%2f..%2f..%2f..%2fetc/passwd",
  "/..%2fserve-search/",
  "/assets/..%5c..%5c..%5cpackage.json",
  "/%",
  "/index%00.html",
];

describe("npm start with malformed URLs", () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  it("answers each with 400, keeps running, and still serves pages", async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-serve-")), "content");
    cpSync(fixture("three-level"), content, { recursive: true });
    const port = await freePort();
    server = spawn("npm", ["start", "--", "--content", content, "--port", String(port)], {
      cwd: PROJECT,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 250))) {
      const up = await get(port, PAGE).catch(() => null);
      if (up?.status === 200) break;
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error(`the dev server did not come up:\n${stderr}`);
    }
    for (const bad of BAD) {
      const r = await get(port, bad);
      expect(r.status, `${bad}: ${r.body}`).toBe(400);
      expect(r.body).not.toContain("root:");
    }
    // Still the same process, still serving.
    expect(server.exitCode, stderr).toBeNull();
    const page = await get(port, PAGE);
    expect(page.status).toBe(200);
    expect(page.body).toContain("First article");
    expect((await get(port, "/no-such-page/")).status).toBe(404);
    expect(stderr).not.toMatch(/URIError|Unhandled|Invalid path/);
  });
});
