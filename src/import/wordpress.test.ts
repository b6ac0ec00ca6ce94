import { describe, expect, it } from "vitest";
import { autop, dateWithOffset } from "./wordpress.ts";

describe("dateWithOffset", () => {
  it("gives the local time with the offset WordPress implies by its GMT time", () => {
    expect(dateWithOffset("2013-12-27 10:30:07", "2013-12-27 02:30:07")).toBe("2013-12-27T10:30:07+08:00");
    expect(dateWithOffset("2013-06-01 08:00:00", "2013-06-01 12:00:00")).toBe("2013-06-01T08:00:00-04:00");
    expect(dateWithOffset("2013-06-01 08:00:00", "2013-06-01 02:30:00")).toBe("2013-06-01T08:00:00+05:30");
  });
  it("keeps the local time (read in the site's zone) when there is no GMT time", () => {
    expect(dateWithOffset("2014-02-01 10:00:00", "0000-00-00 00:00:00")).toBe("2014-02-01 10:00:00");
    expect(dateWithOffset("2014-02-01 10:00:00", "")).toBe("2014-02-01 10:00:00");
  });
});

describe("autop", () => {
  it("makes paragraphs of blank-line blocks and breaks of single newlines, as WordPress shows them", () => {
    expect(autop("第一段。\n\n第二段，\n第二行。")).toBe("<p>第一段。</p>\n<p>第二段，<br>\n第二行。</p>");
  });
  it("leaves block elements alone, and content that already has paragraphs", () => {
    expect(autop("<h2>標題</h2>\n\n正文")).toBe("<h2>標題</h2>\n<p>正文</p>");
    expect(autop("<p>a</p>\n\nb")).toBe("<p>a</p>\n\nb");
  });
});
