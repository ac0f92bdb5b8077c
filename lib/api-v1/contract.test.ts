import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { ENDPOINTS, openApiDocument } from "./index";
import { getWorkspace } from "./endpoints/workspaces";
import { expectContract } from "./testing";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";

type Json = Record<string, unknown>;
const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

/**
 * The OpenAPI document itself. Every response in the integration tests is
 * checked against it by `call` (lib/api-v1/testing.ts).
 */
describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1, served at /api/v1/openapi.json without a token", async () => {
    const res = openApiRoute();
    expect(res.status).toBe(200);
    const served = (await res.json()) as Json;
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.openapi).toBe("3.1.0");
  });

  it("has every endpoint, once, with its path parameters, and nothing else", () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
    expect(new Set(ENDPOINTS.map((e) => e.id)).size).toBe(ENDPOINTS.length);
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path][e.method.toLowerCase()] as { parameters: { name: string; in: string }[]; responses: Json };
      const names = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(names);
      for (const status of ["401", "403", "404", "429"]) expect(op.responses, `${e.id} documents ${status}`).toHaveProperty(status);
      if (e.body) expect(op.responses).toHaveProperty("413");
    }
  });

  it("each endpoint is the handler its Next.js route file exports", async () => {
    for (const e of ENDPOINTS) {
      const dir = e.path.replace(/\{(\w+)\}/g, "[$1]");
      const mod = (await import(/* @vite-ignore */ path.resolve(`app/api/v1${dir}/route.ts`))) as Record<string, unknown>;
      expect(mod[e.method], `app/api/v1${dir}/route.ts exports ${e.method}`).toBe(e);
    }
  });

  it("every schema in it compiles as JSON Schema 2020-12, and component references resolve", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const schemas = [
          ...Object.values((op.responses as Record<string, { content?: Record<string, { schema: Json }> }>) ?? {}).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
          ...Object.values(((op.requestBody as { content?: Record<string, { schema: Json }> } | undefined)?.content ?? {})).map((c) => c.schema),
          ...((op.parameters as { schema: Json }[]) ?? []).map((p) => p.schema),
        ];
        for (const schema of schemas) expect(() => ajv.compile({ ...schema, components: doc.components }), `${method} ${path}`).not.toThrow();
      }
    }
  });

  it("request bodies are the zod schemas that validate them: required fields and enums appear", () => {
    const body = (id: string) => {
      const e = ENDPOINTS.find((x) => x.id === id)!;
      return (doc.paths[e.path][e.method.toLowerCase()] as { requestBody: { content: { "application/json": { schema: Json } } } }).requestBody.content["application/json"].schema;
    };
    expect(body("addSource")).toMatchObject({ required: expect.arrayContaining(["version", "title", "kind", "stance"]) });
    expect(JSON.stringify(body("setVerdict"))).toContain("mostly-false");
    expect(JSON.stringify(body("createArticle"))).toContain("markdown");
  });

  it("the contract check rejects a response that doesn't match, and an undocumented status", async () => {
    const wrong = Response.json({ id: 1, slug: "x" }, { status: 200 });
    await expect(expectContract(getWorkspace, wrong)).rejects.toThrow(/matches the OpenAPI schema/);
    await expect(expectContract(getWorkspace, Response.json({}, { status: 418 }))).rejects.toThrow(/documented/);
  });
});
