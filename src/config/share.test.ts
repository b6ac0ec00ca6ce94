import { describe, expect, it } from "vitest";
import { parseJsonSource } from "../content/json-source.ts";
import { byPosition, formatProblem } from "../content/problems.ts";
import { readSiteConfig } from "./site.ts";

const FILE = "content/_data/site.json";
const configOf = (json: string) => readSiteConfig(parseJsonSource(json, FILE), FILE);

describe("site config image, authors and feed.content", () => {
  it("default to no image, no authors and full feeds", () => {
    const { config, problems } = configOf("{}");
    expect(problems).toEqual([]);
    expect(config.image).toBeNull();
    expect(config.authors).toEqual({});
    expect(config.feed).toEqual({ limit: 20, content: "full" });
  });

  it("read an image with where its src is written, authors by name and feed.content summary", () => {
    const { config, problems } = configOf(
      '{\n  "image": {\n    "src": "/media/s.png",\n    "alt": "站"\n  },\n  "authors": { "張明": { "url": "/about/zhang/" }, "Ann": { "url": "https://ann.example.net/" } },\n  "feed": { "limit": 5, "content": "summary" }\n}',
    );
    expect(problems).toEqual([]);
    expect(config.image).toEqual({ src: "/media/s.png", alt: "站", file: FILE, line: 3, column: 12 });
    expect(config.authors).toEqual({ 張明: { url: "/about/zhang/" }, Ann: { url: "https://ann.example.net/" } });
    expect(config.feed).toEqual({ limit: 5, content: "summary" });
  });

  it("report a bad image, an author page that is no web page, an unknown author key and a bad feed.content", () => {
    const { config, problems } = configOf(
      '{\n"image": "/media/s.svg",\n"authors": { "A": { "url": "mailto:a@example.org" }, "B": { "href": "/b/" } },\n"feed": { "content": "all" }\n}',
    );
    const expected = 'the author\'s page: an http:// or https:// URL, or a site path such as "/about/"';
    expect(problems.sort(byPosition).map(formatProblem)).toEqual([
      `${FILE}:2:10  image  "/media/s.svg" (a .svg file, which link previews do not show) — a PNG, JPEG, GIF or WebP image: a path under /media/ ("/media/2024/cover.png") or an https:// URL, alone or as { src, alt }`,
      `${FILE}:3:28  authors.A.url  "mailto:a@example.org" (not a web page) — ${expected}`,
      `${FILE}:3:59  authors.B.url  nothing — ${expected}`,
      `${FILE}:3:69  authors.B.href  unknown key "href" — one of url`,
      `${FILE}:4:22  feed.content  "all" — "full" (whole articles) or "summary" (their summaries)`,
    ]);
    expect(config.image).toBeNull();
    expect(config.authors).toEqual({});
    expect(config.feed).toEqual({ limit: 20, content: "full" });
  });
});
