import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { EXPORT_QUERY_PARAMS } from "@/lib/export";
import { UNKNOWN_FIELD_MESSAGE } from "@/lib/http/problem";
import { exportEndpoint } from "./endpoints/export";
import { apiWorld, call } from "./testing";

describe("GET /workspaces/{ws}/export", () => {
  it("streams each format with its media type and an attachment name, filtered like the export page", async () => {
    const w = await apiWorld();
    await w.claim("about 40,000 vehicles a day", { tags: ["traffic"] });
    await w.claim("a third of their customers", { tags: ["shops"] });
    const jsonl = await call<string>(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "jsonl", tag: "traffic" } });
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get("content-type")).toMatch(/^application\/jsonl/);
    expect(jsonl.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="${w.ws}-\\d{4}-\\d{2}-\\d{2}\\.jsonl"`));
    const lines = jsonl.body.trim().split("\n").map((l) => JSON.parse(l) as { statement: string });
    expect(lines.map((l) => l.statement)).toEqual(["about 40,000 vehicles a day"]);

    const csv = await call<string>(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "csv" } });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.body).toContain("a third of their customers");
    for (const format of ["bundle", "w3c", "claimreview"]) {
      expect((await call(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format } })).status).toBe(200);
    }
  });

  it("400 for a missing format or a bad filter; 401 without a token; 404 for another workspace", async () => {
    const w = await apiWorld();
    const other = await apiWorld();
    const noFormat = await call<{ errors: object }>(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws } });
    expect(noFormat.status).toBe(400);
    expect(noFormat.body.errors).toHaveProperty("format");
    const badFilter = await call<{ errors: object }>(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "csv", from: "yesterday" } });
    expect(badFilter.status).toBe(400);
    // An article id that isn't this workspace's is named, never dropped (alone it gave an empty file; black-box B10).
    for (const articles of ["nosuch", `${w.first.id},nosuch`, other.first.id]) {
      const unknown = await call<{ errors: Record<string, string>; fieldCodes: Record<string, { code: string }> }>(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "csv", articles } });
      expect(unknown.status, articles).toBe(400);
      expect(Object.keys(unknown.body.errors)).toEqual(["articles"]);
      expect(unknown.body.fieldCodes.articles.code).toBe("unknown_article");
    }
    expect((await call(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "csv", articles: w.first.id } })).status).toBe(200);
    // A misspelt filter is named, never ignored (ignored, it would export the whole set).
    const misspelt = await call<{ errors: Record<string, string> }>(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "csv", reviewstate: "approved", limit: "5" } });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors).toEqual({ reviewstate: UNKNOWN_FIELD_MESSAGE, limit: UNKNOWN_FIELD_MESSAGE });
    expect((await call(exportEndpoint, { params: { ws: w.ws }, query: { format: "csv" } })).status).toBe(401);
    expect((await call(exportEndpoint, { token: w.tokens.viewer, params: { ws: other.ws }, query: { format: "csv" } })).status).toBe(404);
  });

  it("documents exactly the parameters the cookie export routes take", () => {
    expect(Object.keys((exportEndpoint.query as z.ZodObject).shape).sort()).toEqual([...EXPORT_QUERY_PARAMS].sort());
  });
});
