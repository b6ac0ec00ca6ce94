import { describe, expect, it } from "vitest";
import { autop } from "./autop.ts";

describe("autop: paragraphs, as WordPress makes them", () => {
  it("makes paragraphs of blank-line blocks and breaks of single newlines", () => {
    expect(autop("第一段。\n\n第二段，\n第二行。")).toBe("<p>第一段。</p>\n<p>第二段，<br />\n第二行。</p>\n");
  });
  it("returns nothing for blank input", () => {
    expect(autop(" \n\t\n")).toBe("");
  });
  it("paragraphs the blank-line blocks of a post that also holds a <p> (each block on its own)", () => {
    // From WPTT/theme-unit-test themeunittestdata.wordpress.xml, "Markup: HTML Tags and Formatting" (GPL-2.0 test data).
    const post =
      'Multi line blockquote with a cite reference:\n<blockquote cite="https://developer.mozilla.org/"><p>The <strong>HTML <code>&lt;blockquote&gt;</code> Element</strong> indicates an extended quotation.</p></blockquote>\n' +
      "<strong>Address Tag</strong>\n\n<address>1 Infinite Loop\nCupertino, CA 95014\nUnited States</address><strong>Anchor Tag (aka. Link)</strong>\n\n" +
      'This is an example of a <a title="WordPress Foundation" href="https://wordpressfoundation.org/">link</a>.\n\n<strong>Abbreviation Tag</strong>';
    const html = autop(post);
    expect(html).toContain("<p>Multi line blockquote with a cite reference:</p>\n<blockquote");
    expect(html).toContain("<p><strong>Address Tag</strong></p>");
    expect(html).toContain("<address>1 Infinite Loop<br />\nCupertino, CA 95014<br />\nUnited States</address>");
    expect(html).toContain(
      '<p>This is an example of a <a title="WordPress Foundation" href="https://wordpressfoundation.org/">link</a>.</p>',
    );
    expect(html).toContain("<p><strong>Abbreviation Tag</strong></p>");
    // The quotation's own paragraph is not wrapped again.
    expect(html).not.toContain("<p><p>");
  });
  it("adds no break right before or after a block tag, so nested lists stay lists", () => {
    // From WPTT/theme-unit-test, "Edge Case: Nested And Mixed Lists" (GPL-2.0 test data).
    const post =
      "<ol>\n\t<li>ordered item</li>\n\t<li>ordered item\n<ul>\n\t<li><strong>unordered</strong></li>\n</ul>\n</li>\n</ol>";
    const html = autop(post);
    expect(html).not.toContain("<br />");
    expect(html).not.toContain("<p>");
    expect(html).toContain("<li>ordered item\n<ul>");
  });
  it("leaves <pre> exactly as it was: no paragraphs and no breaks inside, even across blank lines", () => {
    // From WPTT/theme-unit-test, "Markup: HTML Tags and Formatting" (GPL-2.0 test data).
    const pre =
      "<pre>\n<cite>Robert Frost</cite>\n\n\n  Two roads diverged in a yellow wood,\n  And sorry I could not travel both          (\\_/)\n\n  Then took the other, as just as fair,\n</pre>";
    const html = autop(
      `This tag is for preserving whitespace as typed.\n${pre}\n<strong>Quote Tag</strong> for short, inline quotes`,
    );
    expect(html).toContain(pre);
    expect(html).toContain("<p>This tag is for preserving whitespace as typed.</p>");
    expect(html).toContain("<p><strong>Quote Tag</strong> for short, inline quotes</p>");
  });
  it("does not break lines inside a tag's attributes", () => {
    const html = autop('Before\n<img\nsrc="a.jpg"\nalt="a" /> after');
    expect(html).toBe('<p>Before<br />\n<img\nsrc="a.jpg"\nalt="a" /> after</p>\n');
  });
  it("turns two <br>s into a paragraph break", () => {
    expect(autop("一<br /><br>二")).toBe("<p>一</p>\n<p>二</p>\n");
  });
  it("keeps full-width and no-break indents, which PHP's \\s does not match", () => {
    expect(autop("\u3000\u3000第一段。\n\n\u00a0\u00a0第二段。")).toBe(
      "<p>\u3000\u3000第一段。</p>\n<p>\u00a0\u00a0第二段。</p>\n",
    );
  });
  it("keeps newlines inside <script> and <style> as newlines", () => {
    expect(autop("<script>a\nb</script>")).toContain("<script>a\nb</script>");
  });
  it("puts a paragraph wrapped around a blockquote inside it", () => {
    expect(autop("<blockquote>Stay hungry. Stay foolish.</blockquote>")).toBe(
      "<blockquote><p>Stay hungry. Stay foolish.</p></blockquote>\n",
    );
  });
  it("does not wrap a figure and its caption in a paragraph", () => {
    const html = autop('<figure><img src="a.jpg" alt="" />\n<figcaption>Bell on wharf</figcaption></figure>\n\nText');
    expect(html).toBe(
      '<figure><img src="a.jpg" alt="" /><figcaption>Bell on wharf</figcaption></figure>\n<p>Text</p>\n',
    );
  });
});

describe("autop: hostile input", () => {
  // Sized so that a quadratic scan would not finish within the test timeout; the results are checked,
  // never the time (speed is for benchmarks).
  it("reads long runs of spaces and many unclosed <p><li>, <div and <pre> to the end", () => {
    const spaces = " ".repeat(1_000_000);
    expect(autop(`a${spaces}b`)).toMatch(/^<p>a {1000000}b<\/p>\n$/);
    expect(autop("<p><li>".repeat(100_000)).split("<li>").length - 1).toBe(100_000);
    expect(autop("<div".repeat(200_000)).split("<div").length - 1).toBe(200_000);
    expect(autop("<pre>".repeat(100_000) + "</pre>".repeat(10_000)).split("<pre>").length - 1).toBe(100_000);
  });
});
