import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SubmitRecord } from "./record.ts";

const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), "wenku-record-")), "submit", "indexnow.json");
const AT = new Date("2026-03-01T04:00:00Z");

describe("SubmitRecord", () => {
  it("starts empty when there is no file, and keeps what was accepted across reads", async () => {
    const file = fresh();
    const record = await SubmitRecord.read(file);
    expect(record.has("https://a.example/x/", "f1")).toBe(false);
    await record.accept([{ url: "https://a.example/x/", fingerprint: "f1" }], AT);
    const again = await SubmitRecord.read(file);
    expect(again.has("https://a.example/x/", "f1")).toBe(true);
    expect(again.has("https://a.example/x/", "f2")).toBe(false);
    expect(JSON.parse(readFileSync(file, "utf8")).sent["https://a.example/x/"]).toEqual({
      fingerprint: "f1",
      sentAt: "2026-03-01T04:00:00.000Z",
    });
  });

  it("keeps Baidu's quota per push site and day", async () => {
    const file = fresh();
    const record = await SubmitRecord.read(file);
    await record.accept([], AT, { site: "https://a.example", day: "2026-03-01", remain: 7 });
    const again = await SubmitRecord.read(file);
    expect(again.remainOn("https://a.example", "2026-03-01")).toBe(7);
    expect(again.remainOn("https://a.example", "2026-03-02")).toBeNull();
    expect(again.remainOn("https://b.example", "2026-03-01")).toBeNull();
  });

  it("refuses a file that is not a record, naming it, rather than starting over", async () => {
    const file = fresh();
    await (await SubmitRecord.read(file)).write();
    writeFileSync(file, '{ "sent": [] }');
    await expect(SubmitRecord.read(file)).rejects.toThrow(`${file}: not a record of sent URLs`);
    writeFileSync(file, "{ half");
    await expect(SubmitRecord.read(file)).rejects.toThrow(/Move it away to send every article again/);
  });

  it("does not overwrite a record another run wrote since this one read it", async () => {
    const file = fresh();
    const mine = await SubmitRecord.read(file);
    const other = await SubmitRecord.read(file);
    await other.accept([{ url: "https://a.example/other/", fingerprint: "o" }], AT);
    await expect(mine.accept([{ url: "https://a.example/mine/", fingerprint: "m" }], AT)).rejects.toThrow(
      /changed by another run/,
    );
    expect(Object.keys((await SubmitRecord.read(file)).data.sent)).toEqual(["https://a.example/other/"]);
  });
});
