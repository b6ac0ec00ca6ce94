import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage } from "./decode.ts";

const page = (charset: string | null, body: string) => `<html><head>${charset ? `<meta charset="${charset}">` : ""}<title>t</title></head><body>${body}</body></html>`;

describe("decodePage", () => {
  it("decodes a GBK page that declares gb2312", () => {
    const r = decodePage(iconv.encode(page("gb2312", "重点客户的分级方法"), "gbk"));
    expect(r).toMatchObject({ encoding: "gb18030", declared: "gb2312" });
    expect(r.text).toContain("重点客户的分级方法");
  });

  it("decodes a Big5 page from an http-equiv declaration", () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>本社遷址通知</p>`;
    const r = decodePage(iconv.encode(html, "big5"));
    expect(r.encoding).toBe("big5");
    expect(r.text).toContain("本社遷址通知");
  });

  it("trusts the bytes over a stale declaration: valid UTF-8 declared gb2312 is UTF-8", () => {
    const r = decodePage(Buffer.from(page("gb2312", "工業營銷的關鍵客戶"), "utf8"));
    expect(r.encoding).toBe("utf-8");
    expect(r.text).toContain("工業營銷的關鍵客戶");
  });

  it("guesses GB18030 or Big5 from the bytes when nothing is declared", () => {
    expect(decodePage(iconv.encode(page(null, "这是一篇关于工业营销与重点客户管理的文章，写于二〇一三年。"), "gbk")).encoding).toBe("gb18030");
    expect(decodePage(iconv.encode(page(null, "這是一篇關於工業營銷與重點客戶管理的文章，寫於二〇一三年。"), "big5")).encoding).toBe("big5");
  });

  it("drops a UTF-8 byte-order mark", () => {
    const r = decodePage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>文</p>")]));
    expect(r.text).toBe("<p>文</p>");
  });
});
