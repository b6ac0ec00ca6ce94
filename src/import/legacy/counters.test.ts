import { describe, expect, it } from "vitest";
import { counterKey, parseCounter } from "./counters.ts";

describe("counterKey", () => {
  it("gives a page's DedeCMS counter script and the file wget saved for it one identity", () => {
    const key = counterKey("/plus/count.php?view=yes&aid=125&mid=1");
    expect(key).toBe("/plus/count.php?aid=125");
    // --adjust-extension appends .html; --restrict-file-names=windows writes "@" for "?"; mid varies.
    expect(counterKey("/plus/count.php?view=yes&aid=125&mid=1.html")).toBe(key);
    expect(counterKey("/plus/count.php@view=yes&aid=125&mid=3")).toBe(key);
    expect(counterKey("/plus/count.php?aid=125&view=yes")).toBe(key);
  });

  it("reads PHPCMS's api.php?op=count and EmpireCMS's ViewClick, saved as index.html before the query", () => {
    expect(counterKey("/api.php?op=count&id=125&modelid=1")).toBe("/api.php?id=125&modelid=1");
    expect(counterKey("/api.php?op=count&id=125&modelid=1.html")).toBe("/api.php?id=125&modelid=1");
    expect(counterKey("/e/public/ViewClick/?classid=2&id=125&addclick=1")).toBe(
      "/e/public/viewclick/?classid=2&id=125",
    );
    expect(counterKey("/e/public/ViewClick/index.html?classid=2&id=125&addclick=1")).toBe(
      "/e/public/viewclick/?classid=2&id=125",
    );
  });

  it("is null for other addresses and for requests that print no count", () => {
    expect(counterKey("/a/125.html")).toBeNull();
    expect(counterKey("/plus/count.php?aid=125&mid=1")).toBeNull(); // without view=yes DedeCMS answers nothing
    expect(counterKey("/api.php?op=add_favorite&id=125")).toBeNull();
    expect(counterKey("/plus/count.php?view=yes&aid=x")).toBeNull();
    // EmpireCMS's stock news template calls ViewClick with down=5: the digg count, not views.
    expect(counterKey("/e/public/ViewClick/index.html?classid=2&id=5&down=5")).toBeNull();
    expect(counterKey("/e/public/ViewClick/?classid=2&id=5&down=0")).toBe("/e/public/viewclick/?classid=2&id=5");
  });
});

describe("parseCounter", () => {
  it("reads DedeCMS's and EmpireCMS's document.write answer", () => {
    expect(parseCounter("document.write('8290');\r\n")).toBe(8290);
    expect(parseCounter('document.write("56")')).toBe(56);
  });

  it("reads PHPCMS's #hits answer, after the download model's other counters", () => {
    expect(parseCounter("\n$('#hits').html('8290');")).toBe(8290);
    expect(
      parseCounter(
        "$('#todaydowns').html('3');$('#weekdowns').html('9');$('#monthdowns').html('20');\n$('#hits').html('8290');",
      ),
    ).toBe(8290);
  });

  it("refuses anything else rather than run it", () => {
    expect(parseCounter("document.write('8290'); alert(1);")).toBeNull();
    expect(parseCounter("document.write(8290)")).toBeNull();
    expect(parseCounter("document.write('82' + '90')")).toBeNull();
    expect(parseCounter("<html><body>404</body></html>")).toBeNull();
    expect(parseCounter("$('#hits').html('');")).toBeNull();
    expect(parseCounter("")).toBeNull();
  });
});
