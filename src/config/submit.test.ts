import { describe, expect, it } from "vitest";
import { parseJsonSource } from "../content/json-source.ts";
import { readSiteConfig } from "./site.ts";

const FILE = "content/_data/site.json";
const configOf = (value: unknown) => readSiteConfig(parseJsonSource(JSON.stringify(value, null, 1), FILE), FILE);

describe("site config submit", () => {
  it("is off with the protocols' own endpoints when absent", () => {
    const { config, problems } = configOf({});
    expect(problems).toEqual([]);
    expect(config.submit).toEqual({
      indexnow: { key: null, endpoint: "https://api.indexnow.org/indexnow" },
      baidu: { endpoint: "http://data.zz.baidu.com/urls" },
    });
  });

  it("takes an IndexNow key of 8 to 128 letters, digits and dashes, and another engine's endpoint", () => {
    const key = "5f3c-9a1B-77e0";
    const { config, problems } = configOf({
      submit: { indexnow: { key, endpoint: "https://www.bing.com/indexnow" } },
    });
    expect(problems).toEqual([]);
    expect(config.submit.indexnow).toEqual({ key, endpoint: "https://www.bing.com/indexnow" });
  });

  it.each([["short12"], ["a".repeat(129)], ["has_underscore"], ["spaces in it"], [12345678]])(
    "refuses the IndexNow key %j",
    (key) => {
      const { config, problems } = configOf({ submit: { indexnow: { key } } });
      expect(problems.map((p) => [p.field, p.expected])).toEqual([
        ["submit.indexnow.key", "8 to 128 characters of a-z, A-Z, 0-9 and - (IndexNow's rule)"],
      ]);
      expect(config.submit.indexnow.key).toBeNull();
    },
  );

  it("refuses Baidu's site and token by name, pointing to the environment, without echoing the token", () => {
    const { problems } = configOf({ submit: { baidu: { site: "www.example.com", token: "s3cr3tT0ken" } } });
    expect(problems.map((p) => p.field)).toEqual(["submit.baidu.site", "submit.baidu.token"]);
    expect(problems[0]!.expected).toContain("BAIDU_PUSH_SITE");
    expect(problems[1]!.expected).toContain("BAIDU_PUSH_TOKEN");
    expect(problems[1]!.line).toBeGreaterThan(1);
    expect(JSON.stringify(problems)).not.toContain("s3cr3tT0ken");
  });

  it("refuses an endpoint that is not http(s), and unknown keys with a guess", () => {
    const { problems } = configOf({
      submit: { baidu: { endpoint: "ftp://data.zz.baidu.com/urls" }, indexnow: { kee: "x" } },
    });
    expect(problems.map((p) => [p.field, p.expected])).toEqual(
      expect.arrayContaining([
        ["submit.baidu.endpoint", "an http:// or https:// URL"],
        ["submit.indexnow.kee", 'did you mean "key"?'],
      ]),
    );
  });
});
