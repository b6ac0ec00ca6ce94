// Old addresses answer real 301s on the hosts that read _redirects, checked through each host's own local
// server (tests/helpers/host-servers.ts): the fixture is built as each host's build would build it
// (NETLIFY=true, CF_PAGES=1), every alias is requested as a browser sends it (percent-encoded) and its
// status and Location checked as the host sends them; articles answer 200, a missing page the site's 404.
// Each server starts once for the file (about 5–10 s each on this machine).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, fixture } from "./helpers/build.ts";
import { get, startHostServer, type HostName, type HostServer } from "./helpers/host-servers.ts";

const WAREHOUSE = "/notes/warehouse/";
const MOVE = encodeURI("/notes/倉庫搬遷/");
const UNMOVED = "/notes/unmoved/";

/** Every alias in tests/fixtures/host-redirects, as requested, and the article it belongs to. */
const ALIASES: [string, string][] = [
  ["/a/notes/2014/0612/88.html", WAREHOUSE],
  ["/plus/view.php/88", WAREHOUSE],
  [encodeURI("/舊站/倉庫.html"), MOVE],
  ["/old/move/", MOVE],
];

/** The environment each host's build runs in (docs.netlify.com build environment variables; Cloudflare Pages'). */
const BUILD_ENV: Record<HostName, NodeJS.ProcessEnv> = { netlify: { NETLIFY: "true" }, cloudflare: { CF_PAGES: "1" } };

const temp = mkdtempSync(path.join(tmpdir(), "wenku-hosts-"));
const servers: Partial<Record<HostName, HostServer>> = {};
const summaries: Partial<Record<HostName, string>> = {};

beforeAll(async () => {
  // Both builds, then both servers, side by side: the slow part is each server's start.
  const hosts: HostName[] = ["netlify", "cloudflare"];
  const builds = await Promise.all(
    hosts.map((host) =>
      build(fixture("host-redirects"), { output: path.join(temp, `${host}-site`), env: BUILD_ENV[host] }),
    ),
  );
  builds.forEach((b, i) => {
    if (b.code !== 0) throw new Error(`build for ${hosts[i]} failed:\n${b.stderr}`);
    summaries[hosts[i]!] = b.stdout;
  });
  const started = await Promise.allSettled(hosts.map((host, i) => startHostServer(host, builds[i]!.output, temp)));
  started.forEach((s, i) => {
    if (s.status === "fulfilled") servers[hosts[i]!] = s.value;
  });
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  rmSync(temp, { recursive: true, force: true });
}, 30_000);

describe.each<HostName>(["netlify", "cloudflare"])("on %s's own local server", (host) => {
  const server = () => servers[host]!;

  it.each(ALIASES)("answers the old address %s with a 301 to its article", async (alias, href) => {
    const answer = await get(server(), alias);
    expect(answer.status, server().output()).toBe(301);
    // Both hosts send the rule's target as written: the article's href, relative, percent-encoded.
    expect(answer.location).toBe(href);
  });

  it("serves every article with 200", async () => {
    for (const href of [WAREHOUSE, MOVE, UNMOVED]) {
      const answer = await get(server(), href);
      expect(answer.status, href).toBe(200);
      expect(load(answer.body)("link[rel=canonical]").attr("href"), href).toBe(`https://moved.example.org${href}`);
    }
  });

  it("answers a missing page with 404 and the site's 404 page, which asks not to be indexed", async () => {
    const answer = await get(server(), "/no/such/page/");
    expect(answer.status).toBe(404);
    const $ = load(answer.body);
    expect($("h1").text()).toBe("找不到這個頁面");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($("link[rel=canonical]")).toHaveLength(0);
  });
});

describe("the build for each host", () => {
  it("writes Netlify's forced rules in a Netlify build and says so", () => {
    const rules = readFileSync(path.join(temp, "netlify-site/_redirects"), "utf8");
    expect(rules).toContain(`/old/move/ ${MOVE} 301!\n`);
    expect(summaries.netlify).toContain(
      'wenku: _redirects: 4 old address(es) as forced 301s ("301!") for Netlify; NETLIFY=true: a Netlify build\n',
    );
  });

  it("writes the plain rules Cloudflare Pages accepts in a Cloudflare Pages build and says so", () => {
    const rules = readFileSync(path.join(temp, "cloudflare-site/_redirects"), "utf8");
    expect(rules).toContain(`/old/move/ ${MOVE} 301\n`);
    expect(rules).not.toContain("!");
    expect(summaries.cloudflare).toContain(
      "wenku: _redirects: 4 old address(es) as plain 301s for Cloudflare Pages; CF_PAGES=1: a Cloudflare Pages build\n",
    );
    // wrangler read every rule: one it refuses is dropped with a warning and the alias would answer 200.
    expect(servers.cloudflare!.output()).toContain("Parsed 4 valid redirect rules.");
  });
});
