import { z } from "zod";
import type { AnyEndpoint, ResponseDef } from "./endpoint";
import { MAX_BODY_BYTES } from "./endpoint";
import { rateLimit, WINDOW_SECONDS } from "./rate-limit";
import { problemSchema } from "./schemas";

/**
 * The OpenAPI 3.1 document, generated from the endpoint definitions and the
 * very zod schemas that validate requests (z.toJSONSchema), never by hand.
 * Schemas with a `meta({ id })` become components.
 */
type Json = Record<string, unknown>;

const SAFE_INT = 9007199254740991;

/** Tidies zod's output: no $schema, no safe-integer bounds, refs to components. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$schema" || k === "$defs") continue;
    if ((k === "minimum" && v === -SAFE_INT) || (k === "maximum" && v === SAFE_INT)) continue;
    if (k === "$ref" && typeof v === "string") out[k] = v.replace("#/$defs/", "#/components/schemas/");
    else out[k] = tidy(v);
  }
  return out;
}

class Components {
  readonly schemas: Record<string, Json> = {};

  /** The JSON Schema of `schema`, with named subschemas moved to components. */
  private anonymous = new Map<string, string>();

  add(schema: z.ZodType, io: "input" | "output"): Json {
    let text = JSON.stringify(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }));
    // Unnamed recursive subschemas come out as __schema0, __schema1… in every call: give each shape one stable name.
    const defs = (JSON.parse(text).$defs as Record<string, Json> | undefined) ?? {};
    for (const [name, def] of Object.entries(defs)) {
      if (!name.startsWith("__schema")) continue;
      const shape = JSON.stringify(def).replaceAll(`"#/$defs/${name}"`, '"SELF"');
      let renamed = this.anonymous.get(shape);
      if (!renamed) {
        renamed = `Node${this.anonymous.size + 1}`;
        this.anonymous.set(shape, renamed);
      }
      text = text.replaceAll(`"#/$defs/${name}"`, `"#/$defs/${renamed}"`).replaceAll(`"${name}":`, `"${renamed}":`);
    }
    const json = JSON.parse(text) as Json;
    for (const [name, def] of Object.entries((json.$defs as Record<string, Json> | undefined) ?? {})) {
      this.schemas[name] ??= tidy(def) as Json;
    }
    return tidy(json) as Json;
  }
}

function pathParams(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
    description: name === "ws" ? "The workspace slug (the token's workspace)." : undefined,
  }));
}

function queryParams(schema: z.ZodType | undefined, components: Components, repeatable: readonly string[] = []) {
  if (!schema) return [];
  const json = components.add(schema, "input");
  const props = (json.properties as Record<string, Json> | undefined) ?? {};
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    // Every other parameter given twice is a 400 naming it (lib/http/pipeline.ts checkQuery).
    const text = repeatable.includes(name) ? `${description ?? ""} May be given more than once.`.trim() : description;
    return { name, in: "query", required: required.has(name), schema: rest, ...(text ? { description: text } : {}) };
  });
}

const PROBLEM = "application/problem+json";

function errorResponses(e: AnyEndpoint): Record<string, { description: string }> {
  const out: Record<string, { description: string }> = {};
  // Path and query parameters are checked on every operation (ids, NUL characters, repeats), so any may answer 400.
  out[400] = { description: "Invalid request: `errors` names each invalid field, query parameter (also one given twice that may not repeat, or whose value isn't UTF-8 or holds U+FFFD) or path parameter." };
  out[401] = { description: "Missing, invalid or revoked token." };
  out[403] = { description: "The token's owner lacks the role for this." };
  out[404] = { description: "Not found (also: a workspace other than the token's, or its owner is no longer a member)." };
  if (e.versioned) out[409] = { description: "Stale version: `currentVersion` (and for claims `changes`) says what is current." };
  if (e.body) out[413] = { description: `Body over the limit (${e.maxBodyBytes ?? MAX_BODY_BYTES} bytes).` };
  out[429] = { description: "Rate limit reached; see Retry-After." };
  out[503] = { description: "The database is unreachable for the moment; retry after Retry-After seconds." };
  return out;
}

/** What an Idempotency-Key adds to a POST's answers, merged with the operation's own descriptions. */
const IDEMPOTENCY_RESPONSES: Record<string, string> = {
  409: "A request with the same Idempotency-Key is still being processed.",
  422: "The Idempotency-Key was already used with a different request body.",
};

function withIdempotency(responses: Record<string, ResponseDef>): Record<string, ResponseDef> {
  const out = { ...responses };
  for (const [status, description] of Object.entries(IDEMPOTENCY_RESPONSES)) {
    out[status] = out[status] ? { ...out[status], description: `${out[status].description} Or: ${description}` } : { description };
  }
  return out;
}

export function buildOpenApi(endpoints: AnyEndpoint[]): Json {
  const components = new Components();
  components.add(problemSchema, "output");
  const paths: Record<string, Json> = {};
  for (const e of endpoints) {
    const responses: Record<string, Json> = {};
    let all: Record<string, ResponseDef> = { ...errorResponses(e), ...e.responses };
    if (e.method === "POST") all = withIdempotency(all);
    for (const [status, r] of Object.entries(all)) {
      const schema = r.schema;
      const isError = Number(status) >= 400;
      const headers = r.headers ? Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }])) : undefined;
      responses[status] = {
        description: r.description,
        ...(headers ? { headers } : {}),
        ...(isError
          ? { content: { [PROBLEM]: { schema: { $ref: "#/components/schemas/Problem" } } } }
          : r.media
            ? { content: Object.fromEntries(Object.entries(r.media).map(([type, description]) => [type, { schema: type.endsWith("json") ? { description } : { type: "string", description } }])) }
            : schema
              ? { content: { "application/json": { schema: components.add(schema, "output") } } }
              : {}),
      };
    }
    const parameters = [...pathParams(e.path), ...queryParams(e.query, components, e.repeatableQuery)];
    if (e.method === "POST") {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        schema: { type: "string", minLength: 1, maxLength: 255 },
        description:
          "Makes a retry safe: a repeat with the same key and request (within 24 hours) answers the stored first answer (marked `Idempotent-Replayed: true`) instead of acting again; the same key with another body is 422, and while the first is still running 409 with Retry-After. 5xx answers aren't kept, so their retry runs again. 1–255 visible ASCII characters, e.g. a UUID.",
      } as never);
    }
    if (e.versioned) parameters.push({ name: "If-Match", in: "header", required: false, schema: { type: "string" }, description: 'The version the change is based on, e.g. "3" (instead of `version` in the body).' } as never);
    const op: Json = {
      operationId: e.id,
      tags: [e.tag],
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      "x-permission": e.action,
      parameters,
      responses,
    };
    if (e.body) {
      const bodySchema = components.add(e.body, "input");
      op.requestBody = { required: true, content: { "application/json": { schema: bodySchema, ...(e.example !== undefined ? { example: e.example } : {}) } } };
    }
    paths[e.path] ??= {};
    paths[e.path][e.method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Claimtrail API",
      version: "1",
      description:
        "JSON over HTTP for scripts and other tools. Authenticate with a personal API token, sent as `Authorization: Bearer ct_…`. Create one under API tokens in the account menu at the top right of every page (`/settings/tokens`), or with `npm run cli -- token:create`. " +
        "A token acts with its owner's current role in one workspace. Errors are `application/problem+json` (RFC 9457). " +
        `Each token may make ${rateLimit()} requests per ${WINDOW_SECONDS} s (RateLimit-* headers; 429 with Retry-After beyond). ` +
        `Request bodies are limited to ${MAX_BODY_BYTES} bytes unless an operation says otherwise (413 beyond). ` +
        "Text may not hold NUL characters or unpaired surrogates, and path ids are at most 64 of A–Z a–z 0–9 _ - (400 naming the field or parameter otherwise). " +
        "A path no operation has is 404, a method a path doesn't have is 405 with `Allow`; both problem+json. A 503 with Retry-After means the database is briefly unreachable: retry. " +
        "POSTs take an `Idempotency-Key` header so that a retry after a lost answer doesn't act twice. " +
        "Lists take `limit` and `cursor` and answer `{ items, nextCursor }`. Changes take the version they were based on (`If-Match` or `version`); a stale one is 409.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token, ct_…" } },
      schemas: components.schemas,
    },
  };
}
