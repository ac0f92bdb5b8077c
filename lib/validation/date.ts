import { z } from "zod";

/**
 * Dates people type or import: "2024-05-01", or an ISO date-time with its
 * offset ("2024-05-01T12:00:00Z", "…+02:00"). Only real calendar dates
 * (not 2024-02-30, which JavaScript quietly turns into 1 March) in years
 * 1–9999: PostgreSQL has no year 0, and a year past 9999 is stored but then
 * breaks every ISO-8601 reader (and our own pages) that shows it. Client-safe.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/;

export const DATE_MESSAGE = "Use a real date like 2024-05-01 (years 1 to 9999).";

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

/** The instant a calendar date string stands for, or null when it isn't one. Date-only strings are midnight UTC. */
export function parseCalendarDate(s: string): Date | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (m[4] !== undefined) {
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
    if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  }
  const at = new Date(m[4] === undefined ? `${s}T00:00:00Z` : s);
  const utcYear = at.getUTCFullYear();
  // An offset can still carry 0001-01-01T00:00+01:00 into year 0, or 9999-12-31T23:00-02:00 into 10000.
  if (Number.isNaN(at.getTime()) || utcYear < 1 || utcYear > 9999) return null;
  return at;
}

export function isCalendarDate(s: string): boolean {
  return parseCalendarDate(s) !== null;
}

/** A calendar date string → Date. */
export function calendarDate(message = DATE_MESSAGE) {
  return z
    .string()
    .trim()
    .refine(isCalendarDate, message)
    .transform((s) => parseCalendarDate(s)!);
}
