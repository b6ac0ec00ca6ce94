import { describe, expect, it } from "vitest";
import { decodePath } from "./urls.ts";

describe("decodePath", () => {
  it("decodes each segment, including an encoded ? in a saved file name", () => {
    expect(decodePath("/%E6%96%87%E7%AB%A0/view.php%3Faid=12.html")).toBe("/文章/view.php?aid=12.html");
  });
  it("keeps a segment that is not valid UTF-8 percent-encoding as it is (a GBK-encoded link)", () => {
    expect(decodePath("/a/%CE%C4/%E6%96%87")).toBe("/a/%CE%C4/文");
  });
});
