import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { categorySlug } from "../apply.ts";
import { BUILT_IN, GENERIC, loadProfile } from "./profile.ts";

const file = (name: string, text: string) => {
  const f = path.join(mkdtempSync(path.join(tmpdir(), "wenku-profile-")), name);
  writeFileSync(f, text);
  return f;
};

describe("loadProfile", () => {
  it("extends a built-in profile and replaces the lists it gives", async () => {
    const p = await loadProfile(
      file("p.yaml", 'extends: dedecms\nname: our-site\nbody: [".article-main"]\nlabels:\n  views: ["人次"]\n'),
    );
    expect(p.name).toBe("our-site");
    expect(p.body).toEqual([".article-main"]);
    expect(p.title).toEqual(BUILT_IN.dedecms!.title);
    expect(p.labels.views).toEqual(["人次"]);
    expect(p.labels.date).toEqual(GENERIC.labels.date);
  });

  it("reads JSON too, extending the generic profile by default", async () => {
    const p = await loadProfile(file("p.json", '{ "title": ["h1.headline"] }'));
    expect(p.title).toEqual(["h1.headline"]);
    expect(p.body).toEqual(GENERIC.body);
  });

  it("reports every mistake with its file and line", async () => {
    const f = file("bad.yaml", 'extends: wordpress\ntitle: h1\nlabels:\n  when: ["日期"]\nselectors: []\n');
    const error = await loadProfile(f).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("has 4 problem(s)");
    expect(message).toContain(`${f}:1  extends  "wordpress" — expected one of generic, dedecms, phpcms, empirecms`);
    expect(message).toContain(`${f}:2  title  "h1" — expected a list of non-empty strings`);
    expect(message).toContain(`${f}:4  labels.when  unknown label`);
    expect(message).toContain(`${f}:5  selectors  unknown key`);
  });

  it("names the key meant for an unknown key, top-level or nested in labels", async () => {
    const f = file("typo.yaml", 'titel: ["h1"]\nlabels:\n  dat: ["日期"]\n');
    const message = ((await loadProfile(f).catch((e: Error) => e)) as Error).message;
    expect(message).toContain(`${f}:1  titel  unknown key — did you mean "title"?`);
    expect(message).toContain(`${f}:3  labels.dat  unknown label — did you mean "date"?`);
  });
});

describe("the built-in profiles", () => {
  it("try DedeCMS's viewbox heading before the .title h2 its stock head.htm fills with the slogan", () => {
    const title = BUILT_IN.dedecms!.title;
    expect(title.indexOf(".viewbox .title h2")).toBe(0);
    expect(title.indexOf(".title h2")).toBeGreaterThan(title.indexOf(".viewbox .title h2"));
  });

  it('never take EmpireCMS\'s sidebar boxes (<table class="title">) for the title', () => {
    expect(BUILT_IN.empirecms!.title).not.toContain(".title");
  });

  it("let a profile file name its pager", async () => {
    expect((await loadProfile(file("p.yaml", 'pager: [".fenye"]\n'))).pager).toEqual([".fenye"]);
  });
});

describe("categorySlug", () => {
  it("uses the old folder name when it is a readable word", () => {
    expect(categorySlug("工業營銷", "/xsyj/gyyx/")).toBe("gyyx");
    expect(categorySlug("新聞", "/News/list_1.html")).toBe("news");
  });
  it("falls back to pinyin for Chinese names when the folder says nothing", () => {
    expect(categorySlug("工業營銷", "/a/12/")).toBe("gong-ye-ying-xiao");
    expect(categorySlug("工業營銷", null)).toBe("gong-ye-ying-xiao");
  });
  it("slugifies other names, and has a fallback for names with no letters", () => {
    expect(categorySlug("Market Research", null)).toBe("market-research");
    expect(categorySlug("★", null)).toBe("category");
  });
});
