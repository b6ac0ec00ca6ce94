import { describe, expect, it } from "vitest";
import { measure } from "./measure.ts";

describe("measure", () => {
  it("times a process tree and holds its kill-on-exit handlers only while a child runs", async () => {
    const before = { sigint: process.listenerCount("SIGINT"), exit: process.listenerCount("exit") };
    const pending = measure(process.execPath, ["-e", "setTimeout(() => {}, 200)"], 30_000);
    expect(process.listenerCount("SIGINT")).toBe(before.sigint + 1);
    expect(process.listenerCount("exit")).toBe(before.exit + 1);
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.wallMs).toBeGreaterThan(0);
    expect(r.peakRssBytes).toBeGreaterThan(0);
    expect(r.samples).toBeGreaterThan(0);
    expect(process.listenerCount("SIGINT")).toBe(before.sigint);
    expect(process.listenerCount("exit")).toBe(before.exit);
  });

  it("says how a failing command ended and what it wrote", async () => {
    const r = await measure(process.execPath, ["-e", "console.error('broken'); process.exit(3)"], 30_000);
    expect(r.code).toBe(3);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toContain("broken");
  });
});
