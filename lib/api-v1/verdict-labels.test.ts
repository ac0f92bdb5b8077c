import { describe, expect, it } from "vitest";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { UNKNOWN_FIELD_MESSAGE } from "@/lib/http/problem";
import { exportEndpoint } from "./endpoints/export";
import { getWorkspace, updateWorkspace } from "./endpoints/workspaces";
import { apiWorld, call } from "./testing";

/** Verdict labels per language through API v1; every answer is checked against the OpenAPI document by `call`. */
describe("API v1 verdict labels per language", () => {
  it("an admin token sets labels per language; the workspace shows them; a bad label is a 400 naming verdictLabels.<language>.<verdict>; others get 403", async () => {
    const w = await apiWorld();
    const set = await call(updateWorkspace, { token: w.tokens.admin, params: { ws: w.ws }, body: { verdictLabels: { en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } } } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ verdictLabels: { en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } } });
    const got = await call(getWorkspace, { token: w.tokens.viewer, params: { ws: w.ws } });
    expect(got.body).toMatchObject({ role: "viewer", verdictLabels: { en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } } });
    expect((await getVerdictLabels(w.workspace.id, "uk"))["mostly-false"]).toBe("Здебільшого неправда");

    const bad = await call(updateWorkspace, { token: w.tokens.admin, params: { ws: w.ws }, body: { verdictLabels: { ru: { false: "ф".repeat(41) } } } });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: Record<string, string> }).errors)).toEqual(["verdictLabels.ru.false"]);
    // A setting the body doesn't take is named, not ignored as if saved (X44).
    const unknown = await call(updateWorkspace, { token: w.tokens.admin, params: { ws: w.ws }, body: { nonsense: 1, name: "Renamed desk" } });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { errors: Record<string, string> }).errors).toEqual({ nonsense: UNKNOWN_FIELD_MESSAGE });
    expect((await call(getWorkspace, { token: w.tokens.admin, params: { ws: w.ws } })).body).not.toMatchObject({ name: "Renamed desk" });
    const denied = await call(updateWorkspace, { token: w.tokens.reviewer, params: { ws: w.ws }, body: { verdictLabels: { ru: { false: "Фейк" } } } });
    expect(denied.status).toBe(403);
    expect((await call(getWorkspace, { token: w.tokens.admin, params: { ws: w.ws } })).body).toMatchObject({ verdictLabels: { ru: { "mostly-false": "Манипуляция" } } });
  });

  it("the export takes ?locale= and refuses one it doesn't have", async () => {
    const w = await apiWorld();
    const bad = await call(exportEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { format: "csv", locale: "de" } });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: Record<string, string> }).errors)).toContain("locale");
  });
});
