// The one way the site writes JSON that it serves — feed.json, JSON-LD inside <script>, the search fold
// table and shard list — so no value can break out of where it is put: `<`, `>` and `&` are escaped
// (nothing can close a <script> element, open a comment or start an entity), and U+2028/U+2029, which
// end a line in older JavaScript, are escaped too. The result is still exactly the same JSON value.

const UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON.stringify, then every `<`, `>`, `&`, U+2028 and U+2029 written as a \uXXXX escape. */
export function webJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  // JSON.stringify gives undefined for undefined and functions: there is nothing to serve then.
  if (text === undefined) throw new TypeError("webJson: the value has no JSON form");
  // Outside strings these characters never occur in JSON, so escaping them everywhere only touches strings.
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
