import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeExport, LAYOUTS, readAnalyticsExport } from "./export-layouts.ts";

const read = (text: string, file = "export.csv") => readAnalyticsExport(Buffer.from(text, "utf8"), file);
const GOATCOUNTER =
  "2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,Date";

describe("decodeExport", () => {
  it("reads UTF-8 with or without a BOM, UTF-16 with a BOM, and GBK (not valid UTF-8) as GB18030", () => {
    expect(decodeExport(Buffer.from("\uFEFF页面URL", "utf8"))).toBe("页面URL");
    expect(decodeExport(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("受訪頁面", "utf16le")]))).toBe(
      "受訪頁面",
    );
    const gbk = iconv.encode("页面URL,浏览量(PV)", "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    expect(decodeExport(gbk)).toBe("页面URL,浏览量(PV)");
  });
});

describe("readAnalyticsExport: the layout from the header", () => {
  it("finds Baidu's header under lines about the site and the dates, sums 浏览量(PV) per page and skips the total", () => {
    const r = read(
      "站点名称,example.org\n时间范围,2024/02/01 - 2024/02/29\n页面URL,浏览量(PV),访客数(UV)\n" +
        'https://example.org/a/,"1,200",9\nhttps://example.org/a/?x=1,3,1\nhttps://example.org/b/,5,4\n总计,"1,208",14\n',
    );
    expect(r.layout).toBe("baidu");
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { path: "/a/", count: 1203, line: 4 },
      { path: "/b/", count: 5, line: 6 },
    ]);
  });

  it("takes Baidu's full-width parentheses and traditional characters as the same header", () => {
    expect(read("受訪頁面,瀏覽量（PV）\n/a/,2\n").layout).toBe("baidu");
  });

  it("counts GoatCounter's rows per path, leaving out bots (Bot ≠ 0) and events", () => {
    const r = read(
      `${GOATCOUNTER}\n/a/,A,false,,Firefox,Linux,s1,0,,,,,true,2024-01-01T00:00:00Z\n` +
        "/a/,A,false,,Firefox,Linux,s1,0,,,,,false,2024-01-01T00:01:00Z\n" +
        "/a/,A,false,,,,s2,7,,,,,true,2024-01-01T00:02:00Z\n" +
        "signup,Sign up,true,,Firefox,Linux,s1,0,,,,,false,2024-01-01T00:03:00Z\n",
    );
    expect(r.layout).toBe("goatcounter");
    expect(r.rows).toEqual([{ path: "/a/", count: 2, line: 2 }]);
  });

  it("reads GoatCounter's version 1 layout by column name, and refuses a version it does not know", () => {
    const v1 = "1Path,Title,Event,Bot,Session,FirstVisit,Referrer,Referrer scheme,Browser,Screen size,Location,Date";
    expect(read(`${v1}\n/a/,A,false,0,s1,true,,,UA,,,2020-01-01T00:00:00Z\n`).rows).toEqual([
      { path: "/a/", count: 1, line: 2 },
    ]);
    const v9 = read(
      `${GOATCOUNTER.replace("2Path", "9Path")}\n/a/,A,false,,,,s,0,,,,,true,2030-01-01T00:00:00Z\n`,
      "gc.csv",
    );
    expect(v9.rows).toEqual([]);
    expect(v9.problems).toMatchObject([
      {
        file: "gc.csv",
        line: 1,
        field: "header",
        expected: expect.stringContaining("format version 9; Wenku reads versions 1 and 2"),
      },
    ]);
  });

  it("counts Umami's page views (event_type 1) in website_event.csv, not its custom events", () => {
    const r = read(
      "website_id,session_id,url_path,url_query,event_type,event_name,created_at\n" +
        "w,s1,/a/,utm_source=x,1,,2024-01-01 00:00:00\nw,s1,/a/,,2,click,2024-01-01 00:00:01\nw,s2,/a/,,1,,2024-01-01 00:01:00\n",
    );
    expect(r.layout).toBe("umami-events");
    expect(r.rows).toEqual([{ path: "/a/", count: 2, line: 2 }]);
  });

  it("reads Umami's pages.csv (x, y) with a note that its numbers are visitors", () => {
    const r = read("x,y\n/a/,12\n");
    expect(r.layout).toBe("umami-pages");
    expect(r.rows).toEqual([{ path: "/a/", count: 12, line: 2 }]);
    expect(r.note).toMatch(/visitors/);
  });

  it("sums Plausible's imported_pages pageviews over days, and reads its dashboard pages.csv", () => {
    const imported = read(
      "date,hostname,page,visits,visitors,pageviews\n2024-01-01,x.org,/a/,1,1,4\n2024-01-02,x.org,/a/,2,2,6\n",
    );
    expect(imported.layout).toBe("plausible-imported");
    expect(imported.rows).toEqual([{ path: "/a/", count: 10, line: 2 }]);
    const pages = read("name,visitors,pageviews,bounce_rate,time_on_page\n/a/,3,8,50,20\n");
    expect(pages.layout).toBe("plausible-pages");
    expect(pages.rows).toEqual([{ path: "/a/", count: 8, line: 2 }]);
  });

  it("names the file, line and column of a count that is not one, in a service's layout", () => {
    expect(read("x,y\n/a/,12.5\n", "pages.csv").problems).toMatchObject([
      { file: "pages.csv", line: 2, field: '"y" (column 2)', found: '"12.5"' },
    ]);
  });

  it("reads any other file with a URL column and a views column as the generic layout", () => {
    expect(read("Page,Views\n/a/,3\n")).toMatchObject({ layout: "generic", rows: [{ path: "/a/", count: 3 }] });
    expect(read("Page,Views\n")).toMatchObject({ layout: "generic", rows: [], problems: [] });
  });

  it("refuses a layout it does not know, naming the file, the header found and the layouts it reads", () => {
    const r = read("when,who,where\n2024-01-01,alice,library\n", "mystery.csv");
    expect(r.layout).toBe("unknown");
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      file: "mystery.csv",
      line: 1,
      field: "header",
      found: 'the header "when,who,where"',
    });
    for (const layout of LAYOUTS) expect(r.problems[0]!.expected).toContain(layout.label);
    expect(r.problems[0]!.expected).toContain("a generic export");
  });
});
