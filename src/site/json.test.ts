import { describe, expect, it } from "vitest";
import { webJson } from "./json.ts";

describe("webJson", () => {
  it("escapes <, > and & so a value cannot close a script element or start markup", () => {
    const text = webJson({
      title: "</script><script>alert(1)</script>",
      author: "<img src=x onerror=alert(1)>",
      q: "a&b",
    });
    expect(text).toBe(
      '{"title":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","author":"\\u003cimg src=x onerror=alert(1)\\u003e","q":"a\\u0026b"}',
    );
    expect(text).not.toMatch(/[<>&]/);
  });

  it("escapes the JavaScript line separators U+2028 and U+2029", () => {
    const text = webJson(["a\u2028b", "c\u2029d"]);
    expect(text).toBe('["a\\u2028b","c\\u2029d"]');
  });

  it("gives back exactly the same value when parsed", () => {
    const value = { title: "<標題> & 'x' \u2028", nested: [{ n: 1.5, ok: true, none: null }], "<key>": "v" };
    expect(JSON.parse(webJson(value))).toEqual(value);
    expect(JSON.parse(webJson(value, 2))).toEqual(value);
  });

  it("indents like JSON.stringify when asked", () => {
    expect(webJson({ a: [1] }, 2)).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it("refuses a value with no JSON form rather than writing 'undefined'", () => {
    expect(() => webJson(undefined)).toThrow(TypeError);
  });
});
