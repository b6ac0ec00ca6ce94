import { describe, expect, it } from "vitest";
import { ACCEPTED_DATE_FORMS, DISPLAY, formatDate, isValidZone, isoWithOffset, parseDate } from "./dates.ts";

const ZONE = "Asia/Shanghai";

/** Parses and fails the test if the text is rejected. */
function parsed(text: string, zone = ZONE) {
  const result = parseDate(text, zone);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.reason}`);
  return result.value;
}

describe("test environment", () => {
  it("runs in New York, so a date read in the process zone would be caught", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/New_York");
  });
});

describe("parseDate", () => {
  it("reads a local date-time as wall-clock time in the site zone, not the process zone", () => {
    const dt = parsed("2013-12-27 10:30:07");
    expect(isoWithOffset(dt)).toBe("2013-12-27T10:30:07+08:00");
    expect(dt.toMillis()).toBe(Date.UTC(2013, 11, 27, 2, 30, 7));
  });
  it("accepts T as the separator of a local date-time", () => {
    expect(isoWithOffset(parsed("2013-12-27T10:30:07"))).toBe("2013-12-27T10:30:07+08:00");
  });
  it("accepts a local date-time without seconds", () => {
    expect(isoWithOffset(parsed("2013-12-27 10:30"))).toBe("2013-12-27T10:30:00+08:00");
  });
  it("reads a date-only value as midnight in the site zone", () => {
    const dt = parsed("2013-12-27");
    expect(isoWithOffset(dt)).toBe("2013-12-27T00:00:00+08:00");
    expect(dt.toMillis()).toBe(Date.UTC(2013, 11, 26, 16, 0, 0));
  });
  it("reads a wall-clock time that falls in New York's DST gap, since only the site zone counts", () => {
    expect(isoWithOffset(parsed("2013-03-10 02:30:00"))).toBe("2013-03-10T02:30:00+08:00");
  });
  it("reads the same local text in another site zone with that zone's offset", () => {
    expect(isoWithOffset(parsed("2013-12-27 10:30:07", "Europe/Berlin"))).toBe("2013-12-27T10:30:07+01:00");
  });
  it("gives the same instant for +08:00 and Z forms of one moment", () => {
    const withOffset = parsed("2013-12-27T10:30:07+08:00");
    const utc = parsed("2013-12-27T02:30:07Z");
    expect(withOffset.toMillis()).toBe(utc.toMillis());
    expect(withOffset.toMillis()).toBe(Date.UTC(2013, 11, 27, 2, 30, 7));
  });
  it("expresses an offset value in the site zone, so both forms display 10:30:07 in Shanghai", () => {
    expect(formatDate(parsed("2013-12-27T10:30:07+08:00"), DISPLAY, "zh-Hant")).toBe("2013-12-27 10:30:07");
    expect(formatDate(parsed("2013-12-27T02:30:07Z"), DISPLAY, "zh-Hant")).toBe("2013-12-27 10:30:07");
    expect(parsed("2013-12-27T02:30:07Z").offset).toBe(8 * 60);
  });
  it("converts a foreign offset into the site zone, crossing midnight", () => {
    expect(isoWithOffset(parsed("2013-12-27T23:30:00-05:00"))).toBe("2013-12-28T12:30:00+08:00");
  });
  it("ignores surrounding whitespace", () => {
    expect(isoWithOffset(parsed("  2013-12-27  "))).toBe("2013-12-27T00:00:00+08:00");
  });
  it("rejects 30 February instead of rolling it into March", () => {
    const result = parseDate("2013-02-30", ZONE);
    expect(result.ok).toBe(false);
  });
  it("rejects 29 February in a non-leap year and accepts it in a leap year", () => {
    expect(parseDate("2013-02-29", ZONE).ok).toBe(false);
    expect(isoWithOffset(parsed("2012-02-29"))).toBe("2012-02-29T00:00:00+08:00");
  });
  it("rejects hour 25", () => {
    expect(parseDate("2013-12-27 25:00:00", ZONE).ok).toBe(false);
  });
  it("rejects a day-first date", () => {
    expect(parseDate("27/12/2013", ZONE)).toEqual({ ok: false, reason: "not a recognised date form" });
  });
  it("rejects a date without zero padding", () => {
    expect(parseDate("2013-1-5", ZONE)).toEqual({ ok: false, reason: "not a recognised date form" });
  });
  it("rejects the empty string", () => {
    expect(parseDate("", ZONE)).toEqual({ ok: false, reason: "not a recognised date form" });
  });
  it("gives a reason text for an impossible calendar date", () => {
    const result = parseDate("2013-02-30", ZONE);
    expect(result.ok === false && result.reason.length > 0).toBe(true);
  });
});

describe("isoWithOffset", () => {
  it("omits milliseconds when they are zero", () => {
    expect(isoWithOffset(parsed("2013-12-27T10:30:07+08:00"))).toBe("2013-12-27T10:30:07+08:00");
  });
  it("keeps milliseconds when present", () => {
    expect(isoWithOffset(parsed("2013-12-27T10:30:07.5+08:00"))).toBe("2013-12-27T10:30:07.500+08:00");
  });
});

describe("formatDate", () => {
  it("uses the default DISPLAY format yyyy-MM-dd HH:mm:ss", () => {
    expect(DISPLAY).toBe("yyyy-MM-dd HH:mm:ss");
    expect(formatDate(parsed("2013-12-27 10:30:07"), DISPLAY, "zh-Hant")).toBe("2013-12-27 10:30:07");
  });
  it("shows a date-only value at 00:00:00", () => {
    expect(formatDate(parsed("2013-12-27"), DISPLAY, "en")).toBe("2013-12-27 00:00:00");
  });
  it("uses the locale for month and weekday names", () => {
    expect(formatDate(parsed("2013-12-27"), "LLLL d, yyyy", "en")).toBe("December 27, 2013");
    expect(formatDate(parsed("2013-12-27"), "yyyy年M月d日 EEEE", "zh-Hant")).toBe("2013年12月27日 星期五");
  });
});

describe("isValidZone", () => {
  it("accepts IANA zones", () => {
    expect(isValidZone("Asia/Shanghai")).toBe(true);
    expect(isValidZone("UTC")).toBe(true);
  });
  it("rejects unknown and empty zones", () => {
    expect(isValidZone("Mars/Olympus")).toBe(false);
    expect(isValidZone("")).toBe(false);
  });
});

describe("ACCEPTED_DATE_FORMS", () => {
  it("names the three accepted forms", () => {
    expect(ACCEPTED_DATE_FORMS).toContain("2013-12-27");
    expect(ACCEPTED_DATE_FORMS).toContain("2013-12-27 10:30:07");
    expect(ACCEPTED_DATE_FORMS).toContain("2013-12-27T10:30:07+08:00");
  });
});
