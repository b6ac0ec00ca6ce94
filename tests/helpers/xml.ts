// Strict reading of built XML for tests. fast-xml-parser checks the structure but accepts characters XML
// 1.0 forbids (a control character in a title), which a strict reader such as a feed reader rejects, so
// every character is first checked against XML 1.0's Char production, written out here from the spec
// (https://www.w3.org/TR/xml/#charsets) rather than taken from the code under test.
import { XMLParser, XMLValidator } from "fast-xml-parser";

const CHAR = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Throws unless `text` is well-formed XML made only of XML 1.0 characters. */
export function assertWellFormedXml(text: string): void {
  // With the u flag an unpaired surrogate is a code point of its own, outside every range above.
  if (!CHAR.test(text)) {
    const bad = [...text].findIndex((c) => !CHAR.test(c));
    throw new Error(
      `not XML: ${JSON.stringify([...text][bad])} (U+${[...text][bad]!.codePointAt(0)!.toString(16).toUpperCase()}) at character ${bad + 1}`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
}

/** The document as data, after assertWellFormedXml. */
export function parseXml(text: string): Record<string, any> {
  assertWellFormedXml(text);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(text);
}
