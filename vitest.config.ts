import { defineConfig } from "vitest/config";

// Tests run in a non-UTC zone so a forgotten time zone fails a test instead of shipping; the site's own
// zone (Asia/Shanghai) differs from this one too. Set before workers start, which inherit it.
process.env.TZ = "America/New_York";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    setupFiles: ["tests/setup/frozen-clock.ts"],
    pool: "forks",
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
