// The one date module: front-matter dates arrive as text and are read here, in the site's time zone,
// so the machine's TZ never matters. Formats are luxon tokens, not locale presets (ICU changes those).
import { DateTime, FixedOffsetZone } from "luxon";

/** The display format when site config gives none. */
export const DISPLAY = "yyyy-MM-dd HH:mm:ss";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const ACCEPTED_DATE_FORMS = "a date like 2013-12-27, 2013-12-27 10:30:07 or 2013-12-27T10:30:07+08:00";

export type DateResult = { ok: true; value: DateTime } | { ok: false; reason: string };

/**
 * Reads a front-matter date. A value without an offset is wall-clock time in `zone`;
 * a value with an offset is that instant. The result shows `zone`'s wall time and offset at that instant.
 */
export function parseDate(text: string, zone: string): DateResult {
  const s = text.trim();
  let dt: DateTime;
  if (DATE_ONLY.test(s)) {
    dt = DateTime.fromFormat(s, "yyyy-MM-dd", { zone });
  } else if (LOCAL_DATE_TIME.test(s)) {
    const iso = s.replace(" ", "T");
    dt = DateTime.fromISO(iso, { zone });
  } else if (OFFSET_DATE_TIME.test(s)) {
    dt = DateTime.fromISO(s, { setZone: true }).setZone(zone);
  } else {
    return { ok: false, reason: "not a recognised date form" };
  }
  if (!dt.isValid) return { ok: false, reason: "no such day or time in the calendar" };
  // The zone's offset at that instant, fixed: later formatting needs no time-zone lookups (a large
  // archive formats every date several times), and prints the same wall time and offset.
  return { ok: true, value: dt.setZone(FixedOffsetZone.instance(dt.offset)) };
}

/** `2013-12-27T10:30:07+08:00`, for `<time datetime>` and structured data. */
export function isoWithOffset(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

/** Display text in the date's own zone with a luxon token format. */
export function formatDate(dt: DateTime, format: string, locale: string): string {
  return dt.setLocale(locale).toFormat(format);
}

/** True when `zone` is an IANA zone luxon can use. */
export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
