import { describe, expect, it } from "vitest";
import { parseClaimFilters } from "@/lib/claims/list-claims";
import { DomainError } from "@/lib/errors";
import { checkQuery } from "@/lib/http/pipeline";
import { parseExportFilters } from "./export-set";
import { EXPORT_QUERY_PARAMS, filterOfParam, filtersFromSearchParams, filtersToSearchParams, paramOf } from "./filters";

describe("export filter parameter names", () => {
  it("names an error's path as the query parameter a client gave", () => {
    expect(paramOf("verdict.0")).toBe("verdict");
    expect(paramOf("tags")).toBe("tag");
    expect(paramOf("tags.12")).toBe("tag");
    expect(paramOf("articles.3")).toBe("articles");
    expect(paramOf("to")).toBe("to");
    expect(paramOf("claimant")).toBe("claimant");
  });

  it("maps each accepted parameter back to its filter, and paramOf undoes it", () => {
    expect(filterOfParam("tag")).toBe("tags");
    expect(filterOfParam("reviewState")).toBe("reviewState");
    expect(filterOfParam("format")).toBe("format");
    for (const param of EXPORT_QUERY_PARAMS) expect(paramOf(filterOfParam(param))).toBe(param);
  });

  it("reads back what it writes", () => {
    const f = { articles: ["a", "b"], reviewState: ["approved" as const], tags: ["x,y", "z"], claimant: "Kyiv", dateField: "claimDate" as const, from: "2026-01-01", to: "2026-02-01" };
    expect(filtersFromSearchParams(filtersToSearchParams(f))).toEqual(f);
  });
});

/** The fields a refusal names, or null when it is taken. */
function refused(f: () => unknown): Record<string, string> | null {
  try {
    f();
    return null;
  } catch (err) {
    if (err instanceof DomainError && err.status === 400) return err.fields;
    throw err;
  }
}

describe("filter values a client can't have meant (black-box, session 33)", () => {
  it("refuses a value of only control or invisible characters, naming it, in the export and the claims list", () => {
    for (const [param, value] of [["claimant", "\u0001\u0002"], ["tag", "\u200B"], ["tag", "\u2060\u00AD"]]) {
      expect(Object.keys(refused(() => parseExportFilters(new URLSearchParams({ [param]: value }))) ?? {}), `${param}=${JSON.stringify(value)}`).toEqual([paramOf(param === "tag" ? "tags.0" : param)]);
    }
    for (const [param, value] of [["q", "\u0001\u0002\u0003"], ["tag", "\u200B"], ["claimant", "\u0007"]]) {
      expect(Object.keys(refused(() => parseClaimFilters(new URLSearchParams({ [param]: value }))) ?? {}), `${param}=${JSON.stringify(value)}`).toEqual([param]);
    }
    // Something to read, however short or odd, is a filter.
    expect(refused(() => parseExportFilters(new URLSearchParams({ claimant: "%" })))).toBeNull();
    expect(refused(() => parseClaimFilters(new URLSearchParams({ q: "!" })))).toBeNull();
    expect(refused(() => parseClaimFilters(new URLSearchParams({ q: "🙂" })))).toBeNull();
  });

  it("names a parameter called __proto__, constructor or toString as one it doesn't take, like any other", () => {
    for (const name of ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"]) {
      const fields = refused(() => checkQuery(new URL(`http://localhost/x?format=csv&${name}=1`), { accepted: EXPORT_QUERY_PARAMS }));
      expect(fields && Object.hasOwn(fields, name), name).toBe(true);
    }
  });
});
