import { describe, expect, it } from "vitest";
import { contentHash } from "./apply.ts";

describe("contentHash", () => {
  const file = "---\ntitle: t\nviews: 4\nviews_as_of: 2024-01-01\n---\nbody\n";

  it("ignores the views lines npm run views rewrites, so a count is not an edit", () => {
    expect(contentHash(file.replace("views: 4", "views: 90").replace("2024-01-01", "2024-03-01"))).toBe(
      contentHash(file),
    );
  });

  it("sees an edit to the body, also to a body line that starts with views:", () => {
    expect(contentHash(`${file}views: 3\n`)).not.toBe(contentHash(`${file}views: 7\n`));
    expect(contentHash(file.replace("body", "edited"))).not.toBe(contentHash(file));
  });
});
