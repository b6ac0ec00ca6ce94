import { describe, expect, it } from "vitest";
import { FOLLOW_MS, ViewStream, WINDOW_MS, type HitTarget } from "./view-stream.ts";

const T0 = Date.UTC(2024, 2, 2, 6, 0, 0);
const ARTICLE: HitTarget = { entry: 0, alias: false };
const ALIAS: HitTarget = { entry: 0, alias: true };
const hit = (seconds: number, client = "203.0.113.20 Firefox", path = "/x/") => ({
  line: `${client} [${seconds}] GET ${path}`,
  time: T0 + seconds * 1000,
  offset: 480,
  client,
});

/** Counts views per entry, and the stream. */
function counter() {
  const views: { entry: number; time: number }[] = [];
  const stream = new ViewStream((entry, time) => views.push({ entry, time }));
  return { views, stream };
}

describe("ViewStream: an alias hop", () => {
  it("counts an alias hit followed within 30 s by the same client's article hit once, as the article hit", () => {
    const { views, stream } = counter();
    stream.add(hit(0, undefined, "/old"), ALIAS);
    stream.add(hit(1), ARTICLE);
    stream.end();
    expect(views).toEqual([{ entry: 0, time: T0 + 1000 }]);
  });
  it("counts both when the article hit comes later than 30 s, or from another client, or for another article", () => {
    const { views, stream } = counter();
    stream.add(hit(0, "a", "/old"), ALIAS);
    stream.add(hit(FOLLOW_MS / 1000 + 1, "a"), ARTICLE);
    stream.add(hit(100, "b", "/old"), ALIAS);
    stream.add(hit(101, "c"), ARTICLE);
    stream.add(hit(200, "d", "/old"), ALIAS);
    stream.add(hit(201, "d", "/y/"), { entry: 1, alias: false });
    stream.end();
    expect(views.filter((v) => v.entry === 0)).toHaveLength(5);
    expect(views.filter((v) => v.entry === 1)).toHaveLength(1);
  });
  it("counts the hop once when the article hit was written first (same second, or a log slightly out of order)", () => {
    const { views, stream } = counter();
    stream.add(hit(5), ARTICLE);
    stream.add(hit(3, undefined, "/old"), ALIAS);
    stream.add(hit(5, undefined, "/old"), ALIAS);
    stream.end();
    expect(views).toHaveLength(1);
  });
  it("counts an alias hit nothing follows, whether the stream goes on or ends", () => {
    const { views, stream } = counter();
    stream.add(hit(0, "a", "/old"), ALIAS);
    stream.add(hit(WINDOW_MS / 1000 + 60, "b"), ARTICLE); // sweeps the first away as counted
    expect(views).toHaveLength(2);
    stream.add(hit(WINDOW_MS / 1000 + 61, "c", "/old"), ALIAS);
    stream.end();
    expect(views).toHaveLength(3);
  });
});

describe("ViewStream: copies of a line", () => {
  it("counts a line given twice once, with other lines between the copies", () => {
    const { views, stream } = counter();
    expect(stream.add(hit(0), ARTICLE)).toBe(true);
    stream.add(hit(1, "other"), ARTICLE);
    expect(stream.add(hit(0), ARTICLE)).toBe(false);
    stream.add({ ...hit(7), line: "an address that is no article" }, null);
    stream.add({ ...hit(7), line: "an address that is no article" }, null);
    stream.end();
    expect(views).toHaveLength(2);
    expect(stream.unknown).toBe(1);
  });
  it("counts a line more than the window late, and reports it", () => {
    const { views, stream } = counter();
    stream.add(hit(WINDOW_MS / 1000 + 5), ARTICLE);
    stream.add(hit(0, "late"), ARTICLE);
    stream.end();
    expect(views).toHaveLength(2);
    expect(stream.late).toBe(1);
  });
});

describe("ViewStream: memory", () => {
  it("holds only the lines and clients of about a window and a half, however long the stream", () => {
    const { views, stream } = counter();
    let most = 0;
    // 200,000 hits a second apart (over two days): alias hops, direct reads and copies, many clients.
    for (let s = 0; s < 200_000; s++) {
      const client = `198.51.100.${s % 251} agent-${s % 997}`;
      stream.add(hit(s, client, "/old"), s % 3 === 0 ? ALIAS : ARTICLE);
      if (s % 1000 === 0) most = Math.max(most, stream.held.lines, stream.held.clients);
    }
    stream.end();
    expect(views.length).toBeGreaterThan(130_000);
    const window = (1.5 * WINDOW_MS + FOLLOW_MS) / 1000;
    expect(most).toBeLessThanOrEqual(window + 2);
    expect(stream.held).toEqual({ lines: 0, clients: 0 });
  });
  it("is linear when one client asks for one article and its alias a hundred thousand times in one second", () => {
    const { views, stream } = counter();
    for (let i = 0; i < 100_000; i++) {
      stream.add({ ...hit(0), line: `alias ${i}` }, ALIAS);
      stream.add({ ...hit(0), line: `article ${i}` }, ARTICLE);
    }
    stream.end();
    // Every alias hit is followed (in the same second) by an article hit: 100,000 reads.
    expect(views).toHaveLength(100_000);
  });
});
