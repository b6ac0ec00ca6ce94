import { describe, expect, it } from "vitest";
import { refuseSvg } from "./svg.ts";

const svg = (body: string, attrs = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attrs}>${body}</svg>`;

describe("refuseSvg: passive pictures pass", () => {
  it("accepts shapes, text, gradients, filters, fragment references and an external DOCTYPE", () => {
    const picture =
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- drawn by hand -->\n` +
      svg(
        `<title>圖</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>` +
          `<filter id="f"><feGaussianBlur stdDeviation="1"/></filter><style><![CDATA[ .a { fill: url(#g); } ]]></style></defs>` +
          `<g class="a" filter="url(#f)"><rect width="10" height="10" fill="url('#g')" style="stroke: red"/><use xlink:href="#g"/><text x="1" y="5">a &lt; b &amp; c</text></g>`,
      );
    expect(refuseSvg(picture)).toBeNull();
  });
});

describe("refuseSvg: anything that runs or loads is refused", () => {
  const cases: [string, string, RegExp][] = [
    ["a script element", svg(`<script>alert(1)</script>`), /<script> element/],
    ["a self-closing script", svg(`<script href="x.js"/>`), /<script> element/],
    ["an onload handler", svg(`<rect/>`, ` onload="alert(1)"`), /event handler onload/],
    ["an upper-case handler", svg(`<rect ONCLICK="x"/>`), /event handler ONCLICK/],
    [
      "a foreignObject",
      svg(`<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`),
      /<foreignObject> element/,
    ],
    [
      "an XHTML script by prefix",
      svg(`<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>`),
      /<h:script> element/,
    ],
    ["a javascript: link", svg(`<use href="javascript:alert(1)"/>`), /script or data: address/],
    [
      "a javascript: link split by a tab entity",
      svg(`<use href="java&#9;script:alert(1)"/>`),
      /script or data: address/,
    ],
    [
      "a javascript: link in character references",
      svg(`<use href="&#106;avascript:alert(1)"/>`),
      /script or data: address/,
    ],
    ["a data: link", svg(`<use xlink:href="data:image/svg+xml;base64,AAAA"/>`), /script or data: address/],
    ["an external link", svg(`<use href="https://evil.example/x.svg#a"/>`), /link .* to another file/],
    [
      "an external url() in an attribute",
      svg(`<rect fill="url(https://evil.example/p#a)"/>`),
      /url\(https:\/\/evil\.example/,
    ],
    ["an external url() in a style", svg(`<rect style="fill: url(//evil.example/a)"/>`), /url\(\/\/evil/],
    ["an @import", svg(`<style>@import "https://evil.example/a.css";</style>`), /@import/],
    ["a CSS escape", svg(`<style>a { fill: \\75rl(https://evil.example) }</style>`), /CSS escape/],
    [
      "an animation that sets an href",
      svg(`<a><set attributeName="href" to="javascript:alert(1)"/></a>`),
      /<a> element/,
    ],
    ["a set element", svg(`<set attributeName="fill" to="red"/>`), /<set> element/],
    ["an image (external pictures)", svg(`<image href="#a"/>`), /<image> element/],
    ["an XSLT stylesheet", `<?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg("")}`, /processing instruction/],
    [
      "an entity that expands to markup",
      `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>${svg("&x;")}`,
      /entity declaration/,
    ],
    ["an unknown attribute", svg(`<rect formaction="x"/>`), /formaction attribute/],
    [
      "an XHTML default namespace",
      svg(`<rect/>`).replace("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"),
      /namespace/,
    ],
    ["HTML instead of SVG", `<html><body><script>alert(1)</script></body></html>`, /not one <svg> element/],
    ["text beside the root", `${svg("")}<script>alert(1)</script>`, /not one <svg> element/],
    ["an empty file", ``, /not one <svg> element/],
  ];
  for (const [title, text, why] of cases) {
    it(`refuses ${title}`, () => {
      expect(refuseSvg(text)).toMatch(why);
    });
  }
});
