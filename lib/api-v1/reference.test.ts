import { describe, expect, it } from "vitest";
import { ENDPOINTS, openApiDocument } from "./index";
import { curlFor, referenceOf, typeOf } from "./reference";

describe("the reference page's model of the OpenAPI document", () => {
  const ref = referenceOf(openApiDocument(), "https://claims.example.org");

  it("lists every operation once, grouped by resource in document order", () => {
    expect(ref.tags.map((t) => t.name)).toEqual([...new Set(ENDPOINTS.map((e) => e.tag))]);
    expect(ref.tags.flatMap((t) => t.operations.map((o) => o.id)).sort()).toEqual(ENDPOINTS.map((e) => e.id).sort());
  });

  it("shows parameters, body fields, responses with schema links, and a curl example", () => {
    const addSource = ref.tags.flatMap((t) => t.operations).find((o) => o.id === "addSource")!;
    expect(addSource.parameters.map((p) => p.name)).toEqual(["ws", "claimId", "Idempotency-Key", "If-Match"]);
    expect(addSource.body!.fields.find((f) => f.name === "stance")).toMatchObject({ required: true, type: '"supports" | "refutes" | "context"' });
    expect(addSource.responses.find((r) => r.status === "201")).toMatchObject({ ref: "Claim" });
    expect(addSource.responses.find((r) => r.status === "409")).toMatchObject({ ref: "Problem" });
    expect(addSource.curl).toContain('curl -X POST "https://claims.example.org/api/v1/workspaces/$WORKSPACE/claims/$CLAIM_ID/sources"');
    expect(addSource.curl).toContain("-d '{\"version\":2");
    const claim = ref.schemas.find((s) => s.name === "Claim")!;
    expect(claim.fields!.find((f) => f.name === "sources")).toMatchObject({ type: "Source[]", ref: "Source" });
  });

  it("types read naturally and curl quotes single quotes in bodies", () => {
    expect(typeOf({ anyOf: [{ type: "integer" }, { type: "null" }] }).type).toBe("integer | null");
    expect(curlFor("PATCH", "/workspaces/{ws}/claims/{claimId}", "http://x", { statement: "it's" })).toContain(`'{"statement":"it'\\''s"}'`);
  });
});
