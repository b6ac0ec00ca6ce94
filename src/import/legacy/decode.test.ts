import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage, scanUtf8 } from "./decode.ts";

const page = (charset: string | null, body: string) =>
  `<html><head>${charset ? `<meta charset="${charset}">` : ""}<title>t</title></head><body>${body}</body></html>`;

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
    expect(
      decodePage(iconv.encode(page(null, "这是一篇关于工业营销与重点客户管理的文章，写于二〇一三年。"), "gbk"))
        .encoding,
    ).toBe("gb18030");
    expect(
      decodePage(iconv.encode(page(null, "這是一篇關於工業營銷與重點客戶管理的文章，寫於二〇一三年。"), "big5"))
        .encoding,
    ).toBe("big5");
  });

  it("drops a UTF-8 byte-order mark", () => {
    const r = decodePage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>文</p>")]));
    expect(r.text).toBe("<p>文</p>");
  });
});

describe("a page declared UTF-8 with a few bad bytes", () => {
  const text = "做重點客戶管理，第一步不是排名單，而是先問清楚：這個客戶三年後還會不會在？";
  const corrupt = (html: string) => {
    const bytes = Buffer.from(html, "utf8");
    const at = bytes.indexOf(Buffer.from("第一步"));
    return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]), at };
  };

  it("is read as UTF-8 by its declaration, the bad byte shown as U+FFFD and counted with its offset", () => {
    const { bytes, at } = corrupt(page("utf-8", text));
    const r = decodePage(bytes);
    expect(r).toMatchObject({ encoding: "utf-8", declared: "utf-8", badBytes: { count: 1, offsets: [at] } });
    expect(r.text).toContain("做重點客戶管理，\uFFFD第一步不是排名單");
  });

  it("reads an http-equiv declaration the same way", () => {
    const { bytes } = corrupt(`<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><p>${text}</p>`);
    expect(decodePage(bytes)).toMatchObject({ encoding: "utf-8", badBytes: { count: 1 } });
  });

  it("is still GB18030 when the bytes are GBK throughout (a stale UTF-8 declaration)", () => {
    const r = decodePage(
      iconv.encode(page("utf-8", "这是一篇关于工业营销与重点客户管理的文章，写于二〇一三年。"), "gbk"),
    );
    expect(r.encoding).toBe("gb18030");
    expect(r.badBytes).toBeUndefined();
    expect(r.text).toContain("重点客户管理");
  });
});

describe("scanUtf8", () => {
  it("finds one error for each U+FFFD that TextDecoder writes, at the offsets it starts", () => {
    const samples = [
      Buffer.from([0x61, 0xe6, 0x96, 0x87, 0xff, 0x62]), // a 文 <ff> b
      Buffer.from([0xe6, 0x96, 0x41]), // a truncated sequence, then A
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate: three errors
      Buffer.from([0xf0, 0x9f, 0x98]), // truncated at the end
      Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), // overlong forms
    ];
    for (const bytes of samples) {
      const replaced = [...new TextDecoder().decode(bytes)].filter((c) => c === "\uFFFD").length;
      expect(scanUtf8(bytes).bad, bytes.toString("hex")).toHaveLength(replaced);
    }
    expect(scanUtf8(samples[0]!)).toEqual({ bad: [4], wellFormed: 1 });
    expect(scanUtf8(samples[1]!).bad).toEqual([0]);
  });
});
