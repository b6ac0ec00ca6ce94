import { describe, expect, it } from "vitest";
import { LABELS } from "../i18n/labels.ts";
import { parseYamlSource } from "../content/yaml-source.ts";
import { COPYRIGHT_EXPECTED, creativeCommonsName, LICENSE_EXPECTED } from "./copyright.ts";
import { DEFAULTS, readSiteConfig } from "./site.ts";

const FILE = "content/_data/site.yaml";
const configOf = (yaml: string) => readSiteConfig(parseYamlSource(yaml, FILE), FILE);
const CC = "https://creativecommons.org/licenses/by-nc-sa/4.0/";

describe("site config copyright (the notice after articles)", () => {
  it("is off by default, and with false or null", () => {
    expect(DEFAULTS.copyright).toBeNull();
    for (const yaml of ["", "copyright: false\n", "copyright:\n"]) {
      const { config, problems } = configOf(yaml);
      expect(problems, yaml).toEqual([]);
      expect(config.copyright, yaml).toBeNull();
    }
  });
  it("leaves footer.copyright, the footer's line, alone", () => {
    const { config } = configOf("copyright: true\nfooter: { copyright: © 2026 }\n");
    expect(config.footer.copyright).toBe("© 2026");
    expect(config.copyright?.text).toBe(LABELS["zh-Hant"].copyrightNotice);
  });
  it("true gives the locale's text, which a label override changes", () => {
    expect(configOf("locale: zh-Hans\ncopyright: true\n").config.copyright).toEqual({
      text: LABELS["zh-Hans"].copyrightNotice,
      license: null,
      ownSources: [],
    });
    expect(configOf("copyright: true\nlabels: { copyrightNotice: 自家文字 }\n").config.copyright?.text).toBe(
      "自家文字",
    );
  });
  it("reads text, a Creative Commons license URL (its name derived) and ownSources", () => {
    const { config, problems } = configOf(
      `copyright:\n  text: " 本站原創文章，轉載請註明出處。 "\n  license: ${CC}\n  ownSources: [衡石研究社]\n`,
    );
    expect(problems).toEqual([]);
    expect(config.copyright).toEqual({
      text: "本站原創文章，轉載請註明出處。",
      license: { name: "CC BY-NC-SA 4.0", url: CC },
      ownSources: ["衡石研究社"],
    });
  });
  it("reads a license as { name, url }, the name optional for a Creative Commons URL", () => {
    const given = configOf("copyright:\n  license: { name: 自訂授權, url: https://example.org/license }\n");
    expect(given.problems).toEqual([]);
    expect(given.config.copyright?.license).toEqual({ name: "自訂授權", url: "https://example.org/license" });
    expect(given.config.copyright?.text).toBe(LABELS["zh-Hant"].copyrightNotice);
    expect(configOf(`copyright: { license: { url: "${CC}" } }\n`).config.copyright?.license?.name).toBe(
      "CC BY-NC-SA 4.0",
    );
  });
  it("keeps an empty text: the notice then has the link and license only", () => {
    expect(configOf('copyright: { text: "" }\n').config.copyright?.text).toBe("");
  });
  it("refuses a license URL that is not http(s), naming the field and line", () => {
    const { config, problems } = configOf("title: T\ncopyright:\n  license: { name: X, url: 'javascript:alert(1)' }\n");
    expect(problems).toMatchObject([{ line: 3, field: "copyright.license.url", found: '"javascript:alert(1)"' }]);
    expect(config.copyright?.license).toBeNull();
    expect(configOf("copyright: { license: { name: X, url: /license/ } }\n").problems).toMatchObject([
      { field: "copyright.license.url" },
    ]);
  });
  it("refuses a license URL string that does not name itself, and a nameless other license", () => {
    expect(configOf("copyright: { license: https://example.org/license }\n").problems).toEqual([
      expect.objectContaining({ field: "copyright.license", expected: LICENSE_EXPECTED }),
    ]);
    expect(configOf("copyright: { license: { url: https://example.org/license } }\n").problems).toMatchObject([
      { field: "copyright.license.name", expected: expect.stringMatching(/Creative Commons/) },
    ]);
    expect(configOf("copyright: { license: { name: ' ', url: https://example.org/l } }\n").problems).toMatchObject([
      { field: "copyright.license.name" },
    ]);
  });
  it("refuses wrong shapes with the field named", () => {
    expect(configOf("copyright: yes please\n").problems).toMatchObject([
      { field: "copyright", expected: COPYRIGHT_EXPECTED },
    ]);
    expect(configOf("copyright: { text: 5 }\n").problems).toMatchObject([{ field: "copyright.text" }]);
    expect(configOf("copyright: { ownSources: 本社 }\n").problems).toMatchObject([{ field: "copyright.ownSources" }]);
  });
  it("names an unknown key inside it, with a guess", () => {
    expect(configOf("copyright: { txt: 本站原創 }\n").problems).toMatchObject([
      { field: "copyright.txt", expected: 'did you mean "text"?' },
    ]);
    expect(configOf("copyright: { license: { name: X, url: https://a.example/, link: x } }\n").problems).toMatchObject([
      { field: "copyright.license.link" },
    ]);
  });
});

describe("creativeCommonsName", () => {
  it("names Creative Commons licenses from their URLs", () => {
    expect(creativeCommonsName(CC)).toBe("CC BY-NC-SA 4.0");
    expect(creativeCommonsName("http://creativecommons.org/licenses/by/3.0/cn")).toBe("CC BY 3.0");
    expect(creativeCommonsName("https://creativecommons.org/licenses/by-nd/4.0/deed.zh-hant")).toBe("CC BY-ND 4.0");
    expect(creativeCommonsName("https://creativecommons.org/publicdomain/zero/1.0/")).toBe("CC0 1.0");
  });
  it("names nothing else", () => {
    expect(creativeCommonsName("https://example.org/licenses/by/4.0/")).toBeNull();
    expect(creativeCommonsName("https://creativecommons.org/about/")).toBeNull();
  });
});
