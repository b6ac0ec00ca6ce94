// Baidu's answers as its help page gives them (quoted in baidu.ts): what each means for the batch sent.
import { describe, expect, it } from "vitest";
import { baiduAnswer } from "./baidu.ts";

const SITE = "https://www.example.com";
const URLS = ["https://www.example.com/1.html", "https://www.example.com/2.html", "https://www.example.com/3.html"];

describe("baiduAnswer", () => {
  it("takes a success as every URL sent, with the day's remain", () => {
    expect(baiduAnswer(200, '{"remain":99997,"success":3,"not_same_site":[],"not_valid":[]}', URLS, SITE)).toEqual({
      accepted: URLS,
      remain: 99997,
    });
  });

  it("leaves out what Baidu refused by name, and calls a refusal an error naming the environment variable", () => {
    const a = baiduAnswer(
      200,
      JSON.stringify({ remain: 10, success: 1, not_same_site: [URLS[0]], not_valid: [URLS[2]] }),
      URLS,
      SITE,
    );
    expect(a.accepted).toEqual([URLS[1]]);
    expect(a.error).toContain("not_same_site");
    expect(a.error).toContain("BAIDU_PUSH_SITE");
    expect(a.error).toContain("not_valid");
  });

  it("takes only as many as `success` counts when the quota ran out inside the batch, and stops", () => {
    const a = baiduAnswer(200, '{"remain":0,"success":2}', URLS, SITE);
    expect(a.accepted).toEqual(URLS.slice(0, 2));
    expect(a.stop).toMatch(/quota for today/);
    expect(a.error).toBeUndefined();
  });

  it("reads over quota as a stop for today, not a failure", () => {
    const a = baiduAnswer(400, '{"error":400,"message":"over quota"}', URLS, SITE);
    expect(a).toMatchObject({ accepted: [], remain: 0 });
    expect(a.stop).toMatch(/over quota/);
  });

  it.each([
    [401, '{"error":401,"message":"token is not valid"}', /401 token is not valid: BAIDU_PUSH_TOKEN/],
    [400, '{"error":400,"message":"site error"}', /not a site verified on ziyuan\.baidu\.com/],
    [404, '{"error":404,"message":"not found"}', /endpoint's address is wrong/],
    [500, '{"error":500,"message":"internal error, please try later"}', /run again later/],
    [200, "<html>portal</html>", /200 <html>portal<\/html>/],
  ])("reads %i %s as an error", (status, body, message) => {
    const a = baiduAnswer(status, body, URLS, SITE);
    expect(a.accepted).toEqual([]);
    expect(a.error).toMatch(message);
  });
});
