import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/api-v1/pagination";
import { DomainError } from "@/lib/errors";
import { cursorField, decodeBase64UrlJson } from "./cursor";
import { calendarDate, isCalendarDate, parseCalendarDate } from "./date";
import { id, isId } from "./id";
import { boundedInt, PG_INT_MAX } from "./numbers";
import { findUnstorableText, isStorableText, text } from "./text";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("calendar dates", () => {
  it("take a date or an ISO date-time with its offset, as that instant", () => {
    expect(parseCalendarDate("2024-05-01")?.toISOString()).toBe("2024-05-01T00:00:00.000Z");
    expect(parseCalendarDate("2024-05-01T12:30:00+02:00")?.toISOString()).toBe("2024-05-01T10:30:00.000Z");
    expect(parseCalendarDate("2024-02-29T23:59:59.999Z")?.toISOString()).toBe("2024-02-29T23:59:59.999Z");
    expect(isCalendarDate("0001-01-01")).toBe(true);
    expect(isCalendarDate("9999-12-31T23:59:59Z")).toBe(true);
  });

  it("refuse year 0, negative years, years past 9999 and days that don't exist", () => {
    for (const s of ["0000-01-01", "-000001-01-01", "-1-01-01", "10000-01-01", "+010000-01-01T00:00:00Z", "2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "2024-05-01T24:00:00Z", "2024-05-01T12:60Z"]) {
      expect(isCalendarDate(s), s).toBe(false);
    }
    // An offset must not carry a date out of range either.
    expect(isCalendarDate("0001-01-01T00:30:00+01:00")).toBe(false);
    expect(isCalendarDate("9999-12-31T23:00:00-02:00")).toBe(false);
  });

  it("refuse a local time without offset (it would depend on the server's time zone) and loose formats", () => {
    for (const s of ["2024-05-01T12:00", "2024-05-01T12:00:00", "May 1, 2024", "2024-5-1", "1714557600000", ""]) expect(isCalendarDate(s), s).toBe(false);
  });

  it("as a zod field: a Date, or the message naming what to write", () => {
    expect(calendarDate().parse(" 2024-05-01 ")).toEqual(new Date("2024-05-01T00:00:00Z"));
    const r = calendarDate().safeParse("10000-01-01");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/years 1 to 9999/);
  });
});

describe("storable text", () => {
  it("refuses NUL and lone surrogates, keeps everything else (emoji, combining marks, RTL)", () => {
    for (const s of ["a\u0000b", "\uD800", "a\uDFFFb", "\uDC00\uD800"]) expect(isStorableText(s), JSON.stringify(s)).toBe(false);
    for (const s of ["", "🙂", "e\u0301", "مرحبا", "\u2028\t\n"]) expect(isStorableText(s), JSON.stringify(s)).toBe(true);
    const r = text().trim().min(1).safeParse("x\u0000");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/NUL/);
  });

  it("findUnstorableText names the first bad string or key at any depth, without recursion", () => {
    let deep: unknown = "fine";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toBeNull();
    expect(findUnstorableText({ a: [{ b: "ok" }, { c: "x\u0000" }] })?.path).toBe("a.1.c");
    expect(findUnstorableText({ ["k\uD800"]: 1 })?.path).toBe("k\uD800");
    expect(findUnstorableText("\u0000")?.path).toBe("_");
  });
});

describe("ids and integers", () => {
  it("ids are the app's own characters, at most 64", () => {
    expect(isId("cmx39xwre000fdo7d5nq98mgn")).toBe(true);
    expect(isId("workspace-mx39xtpu-ab5ef9c9")).toBe(true);
    for (const s of ["", " ", "a\u0000", "../x", "a b", "x".repeat(65), "\uD800"]) expect(isId(s), JSON.stringify(s)).toBe(false);
    expect(id("claim").safeParse("  abc  ").data).toBe("abc");
  });

  it("integers stop at PostgreSQL's integer", () => {
    expect(boundedInt(1).safeParse(PG_INT_MAX).success).toBe(true);
    expect(boundedInt(1).safeParse(99999999999).success).toBe(false);
    expect(boundedInt(1).safeParse(1.5).success).toBe(false);
    expect(boundedInt(1).safeParse(0).success).toBe(false);
  });
});

describe("cursors", () => {
  it("a cursor query parameter must decode to JSON PostgreSQL can take", () => {
    expect(cursorField.safeParse(encodeCursor("2024-05-01T00:00:00.000Z", "abc")).success).toBe(true);
    expect(cursorField.safeParse(b64(["updated", "2024-05-01T00:00:00.000Z", "abc"])).success).toBe(true);
    expect(cursorField.safeParse(b64(["x\u0000", "abc"])).success).toBe(false);
    expect(cursorField.safeParse(b64(["x", "\uD800"])).success).toBe(false);
    expect(cursorField.safeParse("not a cursor!").success).toBe(false);
    expect(cursorField.safeParse("a\u0000").success).toBe(false);
    expect(decodeBase64UrlJson(b64({ a: "🙂" }))).toEqual({ a: "🙂" });
  });

  it("decodeCursor takes only our own keys (a real timestamp or empty) and ids: others are a 400 on `cursor`, not a failed query", () => {
    expect(decodeCursor(encodeCursor("2024-05-01T00:00:00.000Z", "abc"))).toEqual({ key: "2024-05-01T00:00:00.000Z", id: "abc" });
    expect(decodeCursor(encodeCursor("", "abc"))).toEqual({ key: "", id: "abc" });
    for (const [key, cid] of [
      ["-271821-04-20T00:00:00.000Z", "abc"],
      ["+275760-09-13T00:00:00.000Z", "abc"],
      ["0000-01-01T00:00:00.000Z", "abc"],
      ["2024-05-01T00:00:00.000Z", "a\u0000"],
      ["x\u0000", "abc"],
    ]) {
      let err: unknown;
      try {
        decodeCursor(encodeCursor(key, cid));
      } catch (e) {
        err = e;
      }
      expect(err, key).toBeInstanceOf(DomainError);
      expect((err as DomainError).fields).toEqual({ cursor: "Invalid cursor." });
    }
  });
});
