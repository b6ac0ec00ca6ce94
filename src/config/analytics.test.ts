import { describe, expect, it } from "vitest";
import { parseYamlSource } from "../content/yaml-source.ts";
import { analyticsUrl, NO_ANALYTICS } from "./analytics.ts";
import { readSiteConfig } from "./site.ts";

const FILE = "content/_data/site.yaml";
const configOf = (yaml: string) => readSiteConfig(parseYamlSource(yaml, FILE), FILE);

describe("analytics in site config", () => {
  it("is off by default and with analytics: false", () => {
    expect(configOf("title: x").config.analytics).toEqual(NO_ANALYTICS);
    expect(configOf("analytics: false").config.analytics).toEqual(NO_ANALYTICS);
    expect(configOf("analytics: false").problems).toEqual([]);
  });

  it("reads each service with its defaults: Umami Cloud's script and gateway, goatcounter.com from a code, plausible.io", () => {
    const { config, problems } = configOf(`analytics:
  baidu: { id: 0123456789ABCDEF0123456789abcdef }
  umami: { id: 94db1cb1-74f4-4a40-ad6c-962362670409 }
  goatcounter: { code: Wenku-Archive }
  plausible: { domain: archive.example.org }
`);
    expect(problems).toEqual([]);
    expect(config.analytics).toEqual({
      baidu: { id: "0123456789ABCDEF0123456789abcdef" },
      umami: {
        id: "94db1cb1-74f4-4a40-ad6c-962362670409",
        script: "https://cloud.umami.is/script.js",
        hostUrl: "https://gateway.umami.is",
      },
      goatcounter: { endpoint: "https://wenku-archive.goatcounter.com/count", script: "https://gc.zgo.at/count.js" },
      plausible: { domain: "archive.example.org", script: "https://plausible.io/js/script.js" },
    });
  });

  it("takes self-hosted scripts and endpoints; a self-hosted Umami posts where its script lives unless hostUrl says", () => {
    const { config, problems } = configOf(`analytics:
  umami: { id: 94db1cb1-74f4-4a40-ad6c-962362670409, script: "https://stats.example.org/u/script.js" }
  goatcounter: { endpoint: "https://gc.example.org/count", script: "https://gc.example.org/count.js" }
  plausible: { domain: example.org, script: "https://p.example.org/js/script.js" }
`);
    expect(problems).toEqual([]);
    expect(config.analytics.umami).toMatchObject({ script: "https://stats.example.org/u/script.js", hostUrl: null });
    expect(config.analytics.goatcounter).toEqual({
      endpoint: "https://gc.example.org/count",
      script: "https://gc.example.org/count.js",
    });
    expect(config.analytics.plausible?.script).toBe("https://p.example.org/js/script.js");
  });

  it("refuses bad ids and URLs, naming the file, line and field", () => {
    const { config, problems } = configOf(`analytics:
  baidu: { id: "123" }
  umami: { id: 94db1cb1-74f4-4a40-ad6c-962362670409, script: "http://stats.example.org/script.js" }
  goatcounter: { endpoint: "https://gc.example.org/count\\" onload=\\"x" }
  plausible: { domain: "https://example.org/" }
`);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, "analytics.baidu.id"],
      [3, "analytics.umami.script"],
      [4, "analytics.goatcounter.endpoint"],
      [5, "analytics.plausible.domain"],
    ]);
    expect(problems[0]).toMatchObject({
      file: FILE,
      found: '"123"',
      expected: expect.stringContaining("32 hex digits"),
    });
    expect(problems[1]!.expected).toContain("an https:// URL");
    expect(config.analytics.baidu).toBeNull();
  });

  it("names a missing id and an unknown key (a typo) of a service", () => {
    const { problems } = configOf(`analytics:
  umami: { websiteId: 94db1cb1-74f4-4a40-ad6c-962362670409 }
`);
    expect(problems.map((p) => p.field).sort()).toEqual(["analytics.umami.id", "analytics.umami.websiteId"]);
  });

  it("asks for code or endpoint for GoatCounter, not both", () => {
    const { problems } = configOf(`analytics:
  goatcounter: { code: wenku, endpoint: "https://gc.example.org/count" }
`);
    expect(problems).toMatchObject([
      { field: "analytics.goatcounter.endpoint", expected: expect.stringContaining("not both") },
    ]);
  });
});

describe("analyticsUrl", () => {
  it("takes https URLs, and plain http only on loopback hosts (secure contexts for browsers)", () => {
    expect(analyticsUrl("https://cloud.umami.is/script.js")?.origin).toBe("https://cloud.umami.is");
    expect(analyticsUrl("http://127.0.0.1:4567/count.js")?.origin).toBe("http://127.0.0.1:4567");
    expect(analyticsUrl("http://localhost/script.js")).not.toBeNull();
    expect(analyticsUrl("http://[::1]:80/script.js")).not.toBeNull();
    expect(analyticsUrl("http://stats.example.org/script.js")).toBeNull();
    expect(analyticsUrl("http://127.0.0.1.example.org/script.js")).toBeNull();
  });
  it("refuses what would end an attribute or a CSP directive, credentials, fragments and other schemes", () => {
    for (const bad of [
      "https://a.example/x y.js",
      'https://a.example/"x.js',
      "https://a.example/x.js;script-src *",
      "https://a.example/a,b.js",
      "https://user:pw@a.example/x.js",
      "https://a.example/x.js#f",
      "javascript:alert(1)",
      "//gc.zgo.at/count.js",
      "https://",
    ])
      expect(analyticsUrl(bad), bad).toBeNull();
  });
});
