import { describe, expect, it } from "vitest";
import { readComments } from "./comments.ts";
import { isoWithOffset } from "./dates.ts";
import type { FieldReader } from "./field-reader.ts";
import type { Problem } from "./problems.ts";
import { parseYamlSource } from "./yaml-source.ts";

/** Reads the `comments:` of a YAML block whose first line is line 2 of the file, as in an article. */
function commentsOf(yaml: string) {
  const source = parseYamlSource(yaml, "a.md", 1);
  expect(source.problems).toEqual([]);
  const problems: Omit<Problem, "file">[] = [];
  const reader: FieldReader = {
    source,
    timeZone: "Asia/Shanghai",
    report: (path, field, found, expected) => problems.push({ ...source.locate(path), field, found, expected }),
  };
  const comments = readComments((source.value as Record<string, unknown>).comments, reader);
  return { comments, problems };
}

const TWO = `comments:
  - id: 11
    author: 周文博
    url: https://example.org/zhou
    date: 2013-12-28 09:15:00
    text: |
      寫得很好。

      第二段。
  - id: 12
    author: Ann Lee
    date: 2013-12-29T08:00:00+00:00
    reply_to: 11
    text: Thanks — *agreed*.
`;

describe("readComments", () => {
  it("reads every field, dates in the site's zone, in the order written", () => {
    const { comments, problems } = commentsOf(TWO);
    expect(problems).toEqual([]);
    expect(comments.map((c) => ({ ...c, date: isoWithOffset(c.date) }))).toEqual([
      {
        id: 11,
        author: "周文博",
        url: "https://example.org/zhou",
        date: "2013-12-28T09:15:00+08:00",
        replyTo: null,
        text: "寫得很好。\n\n第二段。",
      },
      {
        id: 12,
        author: "Ann Lee",
        url: "",
        date: "2013-12-29T16:00:00+08:00",
        replyTo: 11,
        text: "Thanks — *agreed*.",
      },
    ]);
  });
  it("needs neither id nor url, and keeps a numeric author and text as written", () => {
    const { comments, problems } = commentsOf("comments:\n  - author: 007\n    date: 2013-12-28\n    text: 1.50\n");
    expect(problems).toEqual([]);
    expect(comments).toMatchObject([{ id: null, author: "007", url: "", replyTo: null, text: "1.50" }]);
  });
  it("gives no comments when the key is absent or empty", () => {
    expect(commentsOf("title: A\n").comments).toEqual([]);
    expect(commentsOf("comments: []\n").comments).toEqual([]);
  });

  it("reports a missing author on the comment's line, naming the comment by its position from 1", () => {
    const { comments, problems } = commentsOf(
      "comments:\n  - author: A\n    date: 2013-12-28\n    text: ok\n  - date: 2013-12-28\n    text: hi\n",
    );
    expect(problems).toEqual([
      {
        line: 6,
        column: 5,
        field: "comments[2].author",
        found: "no author",
        expected: "the commenter's name, as text",
      },
    ]);
    expect(comments).toHaveLength(1);
  });
  it("reports an empty author and an empty text", () => {
    const { problems } = commentsOf('comments:\n  - author: " "\n    date: 2013-12-28\n    text: ""\n');
    expect(problems.map((p) => [p.line, p.field, p.found])).toEqual([
      [3, "comments[1].author", "an empty author"],
      [5, "comments[1].text", "an empty text"],
    ]);
  });
  it("reports an unknown key with a did-you-mean, on its own line", () => {
    const { problems } = commentsOf("comments:\n  - autor: 周\n    date: 2013-12-28\n    text: hi\n");
    expect(problems).toContainEqual({
      line: 3,
      column: 12,
      field: "comments[1].autor",
      found: 'unknown key "autor"',
      expected: 'did you mean "author"?',
    });
    // and, since the key was misspelt, the author is missing
    expect(problems).toContainEqual(expect.objectContaining({ field: "comments[1].author", found: "no author" }));
  });
  it("lists the keys for an unknown key far from all of them", () => {
    const { problems } = commentsOf(
      "comments:\n  - author: A\n    date: 2013-12-28\n    text: hi\n    email: a@example.org\n",
    );
    expect(problems).toEqual([
      expect.objectContaining({ field: "comments[1].email", expected: "one of id, author, url, date, reply_to, text" }),
    ]);
  });
  it("reports a reply_to that names no earlier comment — a later one does not count", () => {
    const { problems } = commentsOf(
      "comments:\n  - id: 1\n    author: A\n    date: 2013-12-28\n    reply_to: 2\n    text: a\n  - id: 2\n    author: B\n    date: 2013-12-28\n    text: b\n",
    );
    expect(problems).toEqual([
      {
        line: 6,
        column: 15,
        field: "comments[1].reply_to",
        found: "2, which no earlier comment has as its id",
        expected: "the id of an earlier comment in this list",
      },
    ]);
  });
  it("reports a comment replying to itself", () => {
    const { problems } = commentsOf(
      "comments:\n  - id: 5\n    author: A\n    date: 2013-12-28\n    reply_to: 5\n    text: a\n",
    );
    expect(problems).toMatchObject([{ field: "comments[1].reply_to" }]);
  });
  it("reports an id used twice, saying where it was first", () => {
    const { problems } = commentsOf(
      "comments:\n  - id: 3\n    author: A\n    date: 2013-12-28\n    text: a\n  - id: 3\n    author: B\n    date: 2013-12-28\n    text: b\n",
    );
    expect(problems).toEqual([
      expect.objectContaining({ line: 7, field: "comments[2].id", found: "3 again (first on line 3)" }),
    ]);
  });
  it.each([["-1"], ["1.5"], ['"12"']])("reports id: %s", (id) => {
    expect(
      commentsOf(`comments:\n  - id: ${id}\n    author: A\n    date: 2013-12-28\n    text: a\n`).problems,
    ).toMatchObject([{ field: "comments[1].id", expected: expect.stringContaining("whole number") }]);
  });
  it.each([
    ["javascript:alert(1)"],
    ["ftp://example.org/"],
    ["example.org"],
    ["https://exa mple.org/"],
    ["[https://example.org/]"],
  ])("refuses url: %s", (url) => {
    const { comments, problems } = commentsOf(
      `comments:\n  - author: A\n    url: "${url}"\n    date: 2013-12-28\n    text: a\n`,
    );
    expect(comments).toEqual([]);
    expect(problems).toMatchObject([
      { line: 4, field: "comments[1].url", expected: "an http:// or https:// address (the commenter's site)" },
    ]);
  });
  it("normalises an accepted url", () => {
    expect(
      commentsOf("comments:\n  - author: A\n    url: HTTP://Example.org\n    date: 2013-12-28\n    text: a\n")
        .comments[0]!.url,
    ).toBe("http://example.org/");
  });
  it.each([
    ["", "no date"],
    ["    date: 2013-02-30\n", '"2013-02-30" (no such day or time in the calendar)'],
    ["    date: 28/12/2013\n", '"28/12/2013" (not a recognised date form)'],
    ["    date: 20131228\n", "number 20131228"],
  ])("reports a bad or missing date (%j)", (line, found) => {
    const { problems } = commentsOf(`comments:\n  - author: A\n${line}    text: a\n`);
    expect(problems).toMatchObject([
      { field: "comments[1].date", found, expected: expect.stringContaining("2013-12-27 10:30:07") },
    ]);
  });
  it("refuses comments that are not a list, and items that are not mappings", () => {
    expect(commentsOf("comments: nice post\n").problems).toMatchObject([
      { line: 2, field: "comments", found: '"nice post"' },
    ]);
    expect(commentsOf("comments:\n  - nice post\n").problems).toMatchObject([
      { line: 3, field: "comments[1]", expected: "a mapping with author, date and text" },
    ]);
  });
});
