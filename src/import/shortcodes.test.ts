import { describe, expect, it } from "vitest";
import { expandShortcodes, type Attachment } from "./shortcodes.ts";

// Snippets marked WPTT are from WPTT/theme-unit-test, themeunittestdata.wordpress.xml (GPL-2.0 test data).
const ATTACHMENTS = new Map<string, Attachment>([
  [
    "770",
    {
      id: "770",
      url: "https://wpthemetestdata.files.wordpress.com/2008/06/dsc04563.jpg",
      title: "Sunburst Over River",
    },
  ],
  [
    "771",
    {
      id: "771",
      url: "https://wpthemetestdata.files.wordpress.com/2008/06/dsc09114.jpg",
      title: "Sydney Harbor Bridge",
      caption: "Sydney Harbor Bridge",
    },
  ],
]);
const lookups = {
  postId: "555",
  attachment: (id: string) => ATTACHMENTS.get(id),
  attachedTo: (postId: string) => (postId === "555" ? [...ATTACHMENTS.values()] : []),
};

describe("expandShortcodes: [caption]", () => {
  it("makes a figure of a linked image and its caption", () => {
    // WPTT "Post Format: Image (Caption)".
    const post =
      '[caption id="attachment_754" align="alignnone" width="604"]<a href="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg"><img class="wp-image-754 size-large" src="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg?w=604" alt="Bell on Wharf" width="604" height="453" /></a> Bell on wharf in San Francisco[/caption]';
    const { html, notes } = expandShortcodes(post);
    expect(html).toMatch(
      /^<figure><a href="[^"]+100_5478\.jpg"><img [^>]+\/><\/a><figcaption>Bell on wharf in San Francisco<\/figcaption><\/figure>$/,
    );
    expect(notes).toEqual([]);
  });
  it("takes the caption from the old caption= attribute when the content has none", () => {
    const { html } = expandShortcodes('[caption id="a" caption="江边的钟"]<img src="/a.jpg" alt="" />[/caption]');
    expect(html).toBe('<figure><img src="/a.jpg" alt="" /><figcaption>江边的钟</figcaption></figure>');
  });
  it("keeps the caption of an opener never closed as text, and says so", () => {
    const { html, notes } = expandShortcodes('<p>Before.</p>\n[caption id="x" caption="A caption"]\n<p>After.</p>');
    expect(html).toBe("<p>Before.</p>\nA caption\n<p>After.</p>");
    expect(notes).toEqual(["a [caption] shortcode without its [/caption]: its caption kept as text"]);
  });
  it("says when an unclosed [caption] had nothing to keep, and keeps the words of one without an image", () => {
    const bare = expandShortcodes('文字 [caption id="x" align="alignleft"] 结束');
    expect(bare.html).toBe("文字  结束");
    expect(bare.notes).toEqual(["a [caption] shortcode without its [/caption] removed (it held no caption)"]);
    const imageless = expandShortcodes('[caption caption="江边"]一口钟[/caption]');
    expect(imageless.html).toBe("一口钟 江边");
    expect(imageless.notes).toEqual(["a [caption] shortcode without an image: its caption kept as text"]);
  });
});

describe("expandShortcodes: [gallery]", () => {
  it("renders the images named by ids, in that order, and notes how many", () => {
    // WPTT "Post Format: Gallery (Tiled)" style: [gallery columns=2 ids="770,771"].
    const { html, notes } = expandShortcodes('<h2>Two Columns</h2>\n[gallery columns=2 ids="771,770"]', lookups);
    expect(html.indexOf("dsc09114.jpg")).toBeLessThan(html.indexOf("dsc04563.jpg"));
    expect(html).toContain(
      '<figure><img src="https://wpthemetestdata.files.wordpress.com/2008/06/dsc09114.jpg" alt="Sydney Harbor Bridge"><figcaption>Sydney Harbor Bridge</figcaption></figure>',
    );
    expect(html).not.toContain("[gallery");
    expect(notes).toEqual(["[gallery] shortcode: rendered as 2 images"]);
  });
  it("says which ids the export does not hold", () => {
    const { html, notes } = expandShortcodes('[gallery ids="770,9999"]', lookups);
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(notes).toEqual(["[gallery] shortcode: rendered as 1 image; 1 image not in the export (ids 9999)"]);
  });
  it("shows the post's attached images for a gallery without ids, as WordPress does", () => {
    // WPTT "Post Format: Gallery": the whole post starts with a bare [gallery].
    const { html, notes } = expandShortcodes("[gallery]\n\n<!--nextpage-->", lookups);
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(notes).toEqual(["a [gallery] of the post's attached images: rendered as 2 images"]);
    expect(expandShortcodes('[gallery exclude="770"]', lookups).html.match(/<img /g)).toHaveLength(1);
  });
  it("removes, and says so, a gallery whose images the export does not hold", () => {
    const { html, notes } = expandShortcodes("[gallery]", { postId: "1" });
    expect(html).toBe("");
    expect(notes).toEqual(["a [gallery] of the post's attached images: none in the export, removed"]);
  });
});

describe("expandShortcodes: media and embeds", () => {
  it("turns [audio] with the address as its only attribute into an audio element", () => {
    // WPTT "Post Format: Audio".
    const { html } = expandShortcodes(
      "Audio shortcode:\n\n[audio https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3]",
    );
    expect(html).toContain(
      '<figure><audio controls src="https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3"></audio></figure>',
    );
  });
  it("reads [audio mp3=…] and [video mp4=…] and drops their fallback content", () => {
    expect(expandShortcodes('[audio mp3="/wp-content/uploads/a.mp3"][/audio]').html).toBe(
      '<figure><audio controls src="/wp-content/uploads/a.mp3"></audio></figure>',
    );
    expect(expandShortcodes('[video width="640" mp4="/v.mp4"]fallback[/video]').html).toBe(
      '<figure><video controls src="/v.mp4"></video></figure>',
    );
  });
  it("turns [embed] into a link, and notes it", () => {
    const { html, notes } = expandShortcodes("[embed width=600]https://www.youtube.com/watch?v=SQEQr7c0-dw[/embed]");
    expect(html).toBe(
      '<p><a href="https://www.youtube.com/watch?v=SQEQr7c0-dw">https://www.youtube.com/watch?v=SQEQr7c0-dw</a></p>',
    );
    expect(notes).toEqual(["an [embed] of youtube.com kept as a link"]);
  });
  it("turns a bare address alone on its line into a link (WordPress auto-embed), but not one inside prose", () => {
    // WPTT "Post Format: Video (YouTube)".
    const post =
      'https://www.youtube.com/watch?v=SQEQr7c0-dw\n\nLearn more about <a title="WordPress Embeds" href="https://codex.wordpress.org/Embeds">WordPress Embeds</a>, see https://codex.wordpress.org/Embeds too.';
    const { html, notes } = expandShortcodes(post);
    expect(
      html.startsWith(
        '<a href="https://www.youtube.com/watch?v=SQEQr7c0-dw">https://www.youtube.com/watch?v=SQEQr7c0-dw</a>\n\nLearn',
      ),
    ).toBe(true);
    expect(html).toContain("see https://codex.wordpress.org/Embeds too.");
    expect(notes).toEqual(["a bare address on its own line (a WordPress auto-embed of youtube.com) kept as a link"]);
  });
  it("links the address of a block-editor embed, which stands alone on its line", () => {
    // WPTT "Block category: Embeds".
    const block =
      '<figure class="wp-block-embed-youtube wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/ex8fMxXJDJw\n</div><figcaption>YouTube<br></figcaption></figure>';
    expect(expandShortcodes(block).html).toContain(
      '<div class="wp-block-embed__wrapper">\n<a href="https://youtu.be/ex8fMxXJDJw">https://youtu.be/ex8fMxXJDJw</a>\n</div>',
    );
  });
});

describe("expandShortcodes: what stays text", () => {
  it("keeps unknown shortcodes as text and lists them once each", () => {
    const { html, notes } = expandShortcodes('[contact-form-7 id="12"] 和 [toc]目录[/toc] 和 [contact-form-7 id="13"]');
    expect(html).toBe('[contact-form-7 id="12"] 和 [toc]目录[/toc] 和 [contact-form-7 id="13"]');
    expect(notes).toEqual(["[contact-form-7] shortcode kept as text (2 times)", "[toc] shortcode kept as text"]);
  });
  it("does not take bracketed prose for a shortcode", () => {
    // WPTT "Template: Excerpt (Generated)": "beaching their coracles [simple boat]".
    const text = "children at play are for ever beaching their coracles [simple boat]. 参见[1]和【注】。";
    expect(expandShortcodes(text)).toEqual({ html: text, notes: [] });
  });
  it("expands nothing inside <pre> or <code>, nor in attributes", () => {
    const text =
      '<pre>[gallery ids="770"]\nhttps://youtu.be/x</pre> <code>[caption]x[/caption]</code> <img alt="[audio x.mp3]" src="a.jpg">';
    expect(expandShortcodes(text, lookups)).toEqual({ html: text, notes: [] });
  });
  it("reads shortcodes after a bare < that starts no tag, and still skips real tags", () => {
    const { html, notes } = expandShortcodes("x < 5 [gallery] y > 3", lookups);
    expect(html).toMatch(
      /^x < 5 <figure><img src="[^"]+dsc04563\.jpg"[^>]*><\/figure>\n<figure><img src="[^"]+dsc09114\.jpg"/,
    );
    expect(html.endsWith("</figure> y > 3")).toBe(true);
    expect(notes).toEqual(["a [gallery] of the post's attached images: rendered as 2 images"]);
    const tags = '<a title="[gallery]" href="/x">a</a> <!-- [gallery] --> <?php echo "[gallery]"; ?> </b [gallery]>';
    expect(expandShortcodes(tags, lookups)).toEqual({ html: tags, notes: [] });
  });
  it("prints [[gallery]] as the text [gallery], as WordPress does", () => {
    expect(expandShortcodes("Use [[gallery]] to show images.", lookups).html).toBe("Use [gallery] to show images.");
  });
});

describe("expandShortcodes: hostile input", () => {
  // Sized so that a quadratic scan would not finish within the test timeout; the results are checked,
  // never the time (speed is for benchmarks).
  it("reads many unclosed openers and tags to the end, leaving text that is no shortcode as it was", () => {
    for (const text of [
      "<pre>".repeat(200_000),
      "[".repeat(1_000_000) + "]",
      "[a".repeat(300_000),
      "< [a".repeat(300_000) + ">",
    ])
      expect(expandShortcodes(text).html).toBe(text);
    const many = Array.from({ length: 100_000 }, (_, i) => `[a${i}] `).join("") + "[/a1]".repeat(10);
    const r = expandShortcodes(many);
    expect(r.html).toBe(many);
    expect(r.notes).toHaveLength(100_000);
    const bare = expandShortcodes(`http://x/${"a".repeat(1_000_000)}\n`.repeat(3));
    expect(bare.html.split("<a href=").length - 1).toBe(3);
  });
});
