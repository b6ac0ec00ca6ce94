import { describe, expect, it } from "vitest";
import { findMultiPages, laterPage, withoutSharedTail } from "./multipage.ts";

const part = (url: string, title: string, pager: string[] = []) => ({ url, title, pager });

describe("laterPage", () => {
  it("names the first page of a later page's address", () => {
    expect(laterPage("/a/2013/1227/125_2.html")).toEqual({ first: "/a/2013/1227/125.html", page: 2 });
    expect(laterPage("/news/notice_12.shtml")).toEqual({ first: "/news/notice.shtml", page: 12 });
    expect(laterPage("/a/125.html")).toBeNull();
    expect(laterPage("/a/125_1.html")).toBeNull();
    expect(laterPage("/list_3_2")).toBeNull();
    // Served dynamically, and saved by wget with .html appended.
    expect(laterPage("/index.php?m=content&c=index&a=show&catid=10&id=12&page=2")).toEqual({
      first: "/index.php?m=content&c=index&a=show&catid=10&id=12",
      page: 2,
    });
    expect(laterPage("/plus/view.php?aid=125&pageno=3.html")).toEqual({
      first: "/plus/view.php?aid=125.html",
      page: 3,
    });
    expect(laterPage("/index.php?m=content&page=1")).toBeNull();
  });
});

describe("findMultiPages", () => {
  it("joins the pages the first page's pager links, in page order", () => {
    const pager = ["/a/125.html", "/a/125_2.html", "/a/125_3.html"];
    const found = findMultiPages([
      part("/a/125_3.html", "長文", pager),
      part("/a/125.html", "長文", pager),
      part("/a/125_2.html", "長文", pager),
      part("/a/126.html", "別篇"),
    ]);
    expect(found).toEqual([{ lead: "/a/125.html", rest: ["/a/125_2.html", "/a/125_3.html"], missing: [], pages: 3 }]);
  });

  it("joins pages with the same title when there is no pager, and leaves a different article alone", () => {
    expect(findMultiPages([part("/a/7.html", "同題"), part("/a/7_2.html", "同題")])).toEqual([
      { lead: "/a/7.html", rest: ["/a/7_2.html"], missing: [], pages: 2 },
    ]);
    expect(findMultiPages([part("/a/7.html", "一篇"), part("/a/7_2.html", "另一篇")])).toEqual([]);
  });

  it("names a page missing in the middle, and the pages a pager promises that never arrived", () => {
    const pager = ["/a/125_2.html", "/a/125_3.html", "/a/125_4.html"];
    expect(
      findMultiPages([
        part("/a/125.html", "長文", pager),
        part("/a/125_2.html", "長文", pager),
        part("/a/125_4.html", "長文", pager),
      ]),
    ).toEqual([
      {
        lead: "/a/125.html",
        rest: ["/a/125_2.html", "/a/125_4.html"],
        missing: [{ page: 3, url: "/a/125_3.html" }],
        pages: 4,
      },
    ]);
    expect(findMultiPages([part("/a/9.html", "長文", ["/a/9_2.html"])])).toEqual([
      { lead: "/a/9.html", rest: [], missing: [{ page: 2, url: "/a/9_2.html" }], pages: 2 },
    ]);
    const show = "/index.php?m=content&c=index&a=show&catid=10&id=12";
    expect(findMultiPages([part(show, "長文", [`${show}&page=3`]), part(`${show}&page=3`, "長文")])).toEqual([
      { lead: show, rest: [`${show}&page=3`], missing: [{ page: 2, url: `${show}&page=2` }], pages: 3 },
    ]);
  });
});

describe("withoutSharedTail", () => {
  it("drops the tail every page's template printed from all but the last page", () => {
    const parts = [
      "<p>第一頁的正文。</p>\n(责任编辑：admin)",
      "<p>第二頁的正文。</p><p>(责任编辑：admin)</p>",
      "<p>第三頁。</p>(责任编辑：admin)\n",
    ];
    const out = withoutSharedTail(parts);
    expect(out[0]).toBe("<p>第一頁的正文。</p>\n");
    expect(out[1]).toBe("<p>第二頁的正文。</p><p></p>");
    expect(out[2]).toBe(parts[2]);
  });

  it("keeps pages whose ends differ, or share more than a short line", () => {
    const differ = ["<p>一。</p>", "<p>二。</p>"];
    expect(withoutSharedTail(differ)).toEqual(differ);
    const long = `<p>${"同樣的一段很長的話，".repeat(10)}</p>`;
    expect(withoutSharedTail([long, long])).toEqual([long, long]);
    expect(withoutSharedTail(["<p>一頁</p>"])).toEqual(["<p>一頁</p>"]);
  });
});
