// `pinned:` in front-matter: an article kept first on page 1 of its category's list and of its ancestors'
// lists. `true` pins it; a whole number ≥ 1 gives the order among pinned articles (1 first); `home` pins
// it and also puts it first in the home page's latest articles. The ordering itself lives with the
// navigation pass (src/site/navigation.ts); this module only reads and checks the field.
import { describeValue } from "./problems.ts";
import type { FieldReader } from "./field-reader.ts";

export interface Pin {
  /** 1, 2, … for a numbered pin; null for `true` and `home`, which sort after every numbered one. */
  order: number | null;
  /** `pinned: home`: first on the home page too. */
  home: boolean;
}

export const PINNED_EXPECTED = "true, false, home, or a whole number ≥ 1 giving the order (1 first)";

/** Reads `pinned:`; absent, null or false is not pinned. A wrong value is reported through `reader`. */
export function readPinned(value: unknown, reader: FieldReader): Pin | null {
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return { order: null, home: false };
  if (value === "home") return { order: null, home: true };
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return { order: value, home: false };
  reader.report(["pinned"], "pinned", describeValue(value), PINNED_EXPECTED);
  return null;
}
