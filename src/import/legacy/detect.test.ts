import { describe, expect, it } from "vitest";
import { detectCms, sample } from "./detect.ts";

const dede = (n: number) => ({
  url: `/a/${n}.html`,
  html: `<link href="/templets/default/style/dedecms.css"><script src="/include/dedeajax2.js"></script><div class="viewbox"><div class="info"><script src="/plus/count.php?view=yes&aid=${n}&mid=1"></script></div><div class="dede_pages"></div></div>`,
});
const phpcms = (n: number) => ({
  url: `/html/2013/news_1227/${n}.html`,
  html: `<link href="http://www.site.example/statics/css/reset.css"><a href="/index.php?m=content&c=index&a=lists&catid=6">新聞</a><script src="/api.php?op=count&id=${n}&modelid=1"></script>`,
});
const empire = (n: number) => ({
  url: `/news/${n}.html`,
  html: `<link href="/skin/default/css/style.css"><script src="/e/public/ViewClick/?classid=2&id=${n}&addclick=1"></script>`,
});

describe("detectCms", () => {
  it("names DedeCMS from its stock template's fingerprints, with the evidence", () => {
    const d = detectCms([1, 2, 3].map(dede), ["/templets/default/style/dedecms.css", "/a/1.html"]);
    expect(d.profile).toBe("dedecms");
    expect(d.reason).toBe(
      "detected from /templets/ on 3 of 3 sampled pages, /plus/ on 3 of 3 sampled pages, dedeajax on 3 of 3 sampled pages",
    );
  });

  it("names PHPCMS and EmpireCMS from theirs", () => {
    expect(detectCms([1, 2, 3, 4].map(phpcms), []).profile).toBe("phpcms");
    expect(detectCms([1, 2].map(empire), ["/e/public/ViewClick/index.html?classid=2&id=1&addclick=1"]).profile).toBe(
      "empirecms",
    );
  });

  it("keeps the generic profile when the fingerprints are too few, and says so", () => {
    const plain = (n: number) => ({ url: `/${n}.html`, html: "<h1>標題</h1><p>正文</p>" });
    const d = detectCms([plain(1), plain(2), dede(3), plain(4)], []);
    expect(d.profile).toBe("generic");
    expect(d.reason).toContain("no CMS's fingerprints on enough of 4 sampled page(s) (scores: dedecms 5)");
    expect(detectCms([], []).profile).toBe("generic");
  });

  it("follows the majority when a page of another CMS is in the mirror", () => {
    expect(detectCms([...[1, 2, 3, 4].map(phpcms), dede(5)], []).profile).toBe("phpcms");
  });
});

describe("sample", () => {
  it("spreads the sample over the whole list, first and last included", () => {
    expect(sample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(sample([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });
});
