import { describe, expect, it } from "vitest";
import { FALLBACK_LOCALE, formatDate, negotiateLocale, toDate } from "./dates";

describe("formatDate", () => {
  it("shows a stored claim date (midnight UTC) as that calendar day, in any locale", () => {
    expect(formatDate("2021-12-17T00:00:00.000Z", "en-GB", "day")).toBe("17 December 2021");
    expect(formatDate("2021-12-17T00:00:00.000Z", "en-US", "day")).toBe("December 17, 2021");
    expect(formatDate("2021-12-17T00:00:00.000Z", "de-DE", "day")).toBe("17. Dezember 2021");
    expect(formatDate(new Date(Date.UTC(2021, 11, 17)), "fr-FR", "day-short")).toBe("17 déc. 2021");
  });

  it("reads a bare YYYY-MM-DD as that day, not as local midnight", () => {
    expect(toDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(formatDate("2024-02-29", "en-GB", "day")).toBe("29 February 2024");
  });

  it("does not move a day when the server (or browser) runs west of Greenwich", () => {
    const before = process.env.TZ;
    try {
      for (const tz of ["America/Los_Angeles", "Pacific/Pago_Pago"]) {
        process.env.TZ = tz; // Node applies a changed TZ at once
        expect(new Date(Date.UTC(2021, 11, 17)).getDate(), tz).not.toBe(17); // the zone really moves local days
        expect(formatDate("2021-12-17T00:00:00.000Z", "en-GB", "day")).toBe("17 December 2021");
        expect(formatDate("2021-12-17", "en-GB", "day-short")).toBe("17 Dec 2021");
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("shows a moment with its time and says it is UTC", () => {
    expect(formatDate("2021-12-17T14:05:09.000Z", "en-GB", "date-time")).toBe("17 Dec 2021, 14:05 UTC");
    expect(formatDate("2021-12-17T14:05:09.000Z", "en-US", "date-time")).toMatch(/^Dec 17, 2021, 0?2:05\sPM UTC$/);
    expect(formatDate("2021-12-17T14:05:09.000Z", "de-DE", "date-time")).toBe("17. Dez. 2021, 14:05 UTC");
  });

  it("falls back instead of throwing for a locale Intl can't use, and shows a non-date as it is", () => {
    expect(formatDate("2021-12-17", "not a locale!", "day")).toBe(formatDate("2021-12-17", FALLBACK_LOCALE, "day"));
    expect(formatDate("yesterday-ish", "en-GB", "day")).toBe("yesterday-ish");
    expect(formatDate(new Date(Number.NaN), "en-GB", "day")).toBe("Invalid Date");
  });
});

describe("negotiateLocale", () => {
  it("takes the most preferred locale by q, then by order", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(negotiateLocale("en;q=0.5, fr-CA;q=0.9")).toBe("fr-CA");
    expect(negotiateLocale("en-US, en-GB")).toBe("en-US");
  });

  it("skips wildcards, q=0 and tags that are not locales", () => {
    expect(negotiateLocale("*, de;q=0.1")).toBe("de");
    expect(negotiateLocale("fr;q=0, nl")).toBe("nl");
    expect(negotiateLocale("<script>, x_bad, ja")).toBe("ja");
  });

  it("falls back when there is nothing usable", () => {
    expect(negotiateLocale(null)).toBe(FALLBACK_LOCALE);
    expect(negotiateLocale("")).toBe(FALLBACK_LOCALE);
    expect(negotiateLocale("*")).toBe(FALLBACK_LOCALE);
    expect(negotiateLocale("!!!")).toBe(FALLBACK_LOCALE);
    expect(negotiateLocale(`${"a,".repeat(5000)}`)).toBe(FALLBACK_LOCALE);
  });
});
