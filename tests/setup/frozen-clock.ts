// A frozen "now" for every test file: nothing Wenku renders may depend on the wall clock.
import { afterAll, beforeAll, vi } from "vitest";

export const FROZEN_NOW = new Date("2026-06-15T04:00:00Z");

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: FROZEN_NOW });
});

afterAll(() => {
  vi.useRealTimers();
});
