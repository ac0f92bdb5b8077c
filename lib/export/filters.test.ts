import { describe, expect, it } from "vitest";
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
