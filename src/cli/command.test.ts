import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const run = (script: string, args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { cwd: PROJECT }).then(
    () => ({ code: 0, stderr: "" }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

describe("parseCommand", () => {
  it("stops a command given an unknown option with its name, the reason, the usage line and exit code 2", async () => {
    for (const [script, name] of [
      ["scripts/check.ts", "check"],
      ["scripts/views.ts", "views"],
    ] as const) {
      const r = await run(script, ["--bogus"]);
      expect(r.code, script).toBe(2);
      expect(r.stderr, script).toContain(`wenku ${name}: Unknown option '--bogus'`);
      expect(r.stderr, script).toContain("usage: npm run");
    }
  }, 30_000);
});
