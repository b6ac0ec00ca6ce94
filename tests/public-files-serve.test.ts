// The dev server keeps content/public/ right across edits: a changed file is copied again even when no
// page changes, a removed one is removed from the served folder, a new one appears, and the favicon
// links follow.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite, type DevServer } from "../src/dev/serve.ts";
import { fixture, page } from "./helpers/build.ts";

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let server: DevServer;
let content: string;
let output: string;
const served = (file: string) => path.join(output, file);
const pub = (file: string) => path.join(content, "public", file);

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wenku-public-serve-"));
  content = path.join(dir, "content");
  output = path.join(dir, "serve");
  cpSync(fixture("public-files"), content, { recursive: true });
  server = await serveSite({ content, output, port: await freePort() });
});
afterAll(async () => {
  await server?.close();
});

describe("the dev server and content/public/", () => {
  it("serves the public files from the first build", () => {
    expect(readFileSync(served("BingSiteAuth.xml"), "utf8")).toContain("0123456789ABCDEF");
    expect(existsSync(served("verify/baidu_verify_codeva-Fixture01.html"))).toBe(true);
  });

  it("copies a changed file again, though no page changed", async () => {
    writeFileSync(pub("BingSiteAuth.xml"), '<?xml version="1.0"?>\n<users><user>FEDCBA</user></users>\n');
    await server.rebuild();
    expect(readFileSync(served("BingSiteAuth.xml"), "utf8")).toContain("FEDCBA");
  });

  it("adds a new file and removes a removed one", async () => {
    writeFileSync(pub("google9999.html"), "google-site-verification: google9999.html");
    rmSync(pub("google0123456789abcdef.html"));
    await server.rebuild();
    expect(existsSync(served("google9999.html"))).toBe(true);
    expect(existsSync(served("google0123456789abcdef.html"))).toBe(false);
  });

  it("drops a removed favicon from the folder and from every head", async () => {
    rmSync(pub("favicon.svg"));
    await server.rebuild();
    expect(existsSync(served("favicon.svg"))).toBe(false);
    const $ = page(output, "/notes/");
    expect(
      $("link[rel=icon]")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["/favicon.png"]);
  });
});
