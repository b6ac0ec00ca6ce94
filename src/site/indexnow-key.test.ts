import { describe, expect, it } from "vitest";
import { SUBMIT_DEFAULTS } from "../config/submit.ts";
import { indexNowKeyFile } from "./indexnow-key.ts";

const submit = (key: string | null) => ({ ...SUBMIT_DEFAULTS, indexnow: { ...SUBMIT_DEFAULTS.indexnow, key } });

describe("indexNowKeyFile", () => {
  it("is the key alone in /{key}.txt at the site's root", () => {
    expect(
      indexNowKeyFile({ url: "https://archive.example.org", pathPrefix: "/", submit: submit("0a1b2c3d4e") }),
    ).toEqual({
      path: "/0a1b2c3d4e.txt",
      text: "0a1b2c3d4e",
      url: "https://archive.example.org/0a1b2c3d4e.txt",
    });
  });

  it("lives under the path prefix, which is the folder whose URLs it may vouch for", () => {
    const file = indexNowKeyFile({
      url: "https://user.github.io",
      pathPrefix: "/archive/",
      submit: submit("0a1b2c3d4e"),
    });
    expect(file?.path).toBe("/0a1b2c3d4e.txt");
    expect(file?.url).toBe("https://user.github.io/archive/0a1b2c3d4e.txt");
  });

  it("is not written when no key is configured", () => {
    expect(indexNowKeyFile({ url: "https://a.example", pathPrefix: "/", submit: submit(null) })).toBeNull();
  });
});
