import { z } from "zod";

/**
 * Article dates people may give: real calendar dates with a four-digit year.
 * JavaScript reads "10000-01-01", "0000-01-01" or "2023-02-30" as some date
 * (year 10000, 1 BC, 1 March); PostgreSQL stores them, but they then break
 * every page and format that shows them (ISO strings of 5-digit years, BC
 * years). So only 1000-01-01 to 9999-12-31 (UTC) are accepted, and the
 * database refuses anything else (a CHECK constraint on Article.publishedAt).
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
export const DATE_MESSAGE = `Use a real date like 2022-01-31, in the years ${MIN_YEAR} to ${MAX_YEAR}.`;

// YYYY-MM-DD, optionally with a time (HH:MM, seconds, fraction) and an offset; a time without offset is UTC.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether a date is one we store: valid, and its UTC year within MIN_YEAR..MAX_YEAR. */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  if (Number.isNaN(time)) return false;
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The date an ISO 8601 date (or date and time) names, or null when it isn't a real one in range. */
export function parseCalendarDate(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", offset = "Z"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const zone = offset.toUpperCase() === "Z" ? "Z" : offset.length === 3 ? `${offset}:00` : offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${zone}`);
  return isStorableDate(date) ? date : null;
}

/** For reading: a stored date outside the range shows as no date rather than breaking the page. */
export function displayableDate(date: Date | null): Date | null {
  return date && isStorableDate(date) ? date : null;
}

/** A date field of a form or API body: "" or null is no date; a Date (from the database) must be storable too. */
export const calendarDateSchema = z
  .union([z.string().trim(), z.date()])
  .transform((v, ctx) => {
    if (v === "") return null;
    const date = v instanceof Date ? (isStorableDate(v) ? v : null) : parseCalendarDate(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message: DATE_MESSAGE });
      return z.NEVER;
    }
    return date;
  });
