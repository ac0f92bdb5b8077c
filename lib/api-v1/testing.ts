import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { expect } from "vitest";
import { claimWorld } from "@/lib/claims/test-world";
import type { FixtureUser } from "@/lib/testing/fixtures";
import type { AnyEndpoint } from "./endpoint";
import { openApiDocument } from "./index";
import { createApiToken } from "./tokens";

/**
 * Test helper (not a test): calls /api/v1 route handlers directly with
 * `new Request(...)`, and checks every response against the generated OpenAPI
 * document: the status must be documented for the operation, and the body
 * must match its schema (ajv, JSON Schema 2020-12).
 */
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>();

type Json = Record<string, unknown>;

function operation(ep: AnyEndpoint): Json {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Json>> };
  const op = doc.paths[ep.path]?.[ep.method.toLowerCase()];
  expect(op, `${ep.method} ${ep.path} is in the OpenAPI document`).toBeTruthy();
  return op;
}

/** Validates one response against the document; returns the parsed body. */
export async function expectContract(ep: AnyEndpoint, res: Response): Promise<unknown> {
  const op = operation(ep);
  const responses = op.responses as Record<string, { content?: Record<string, { schema: Json }> }>;
  const documented = responses[String(res.status)];
  expect(documented, `${ep.id}: status ${res.status} is documented`).toBeTruthy();
  if (res.status === 204) {
    expect(await res.text()).toBe("");
    return undefined;
  }
  const contentType = res.headers.get("content-type") ?? "";
  const types = Object.keys(documented.content ?? {});
  expect(types, `${ep.id} ${res.status}: documented content type ${contentType}`).toContain(contentType.split(";")[0]);
  const mediaType = contentType.split(";")[0];
  // Streamed exports: the media type is checked; the body is the exporter's business (lib/export's own tests).
  if (mediaType !== "application/json" && mediaType !== "application/problem+json") return res.text();
  const body = (await res.json()) as unknown;
  const key = `${ep.id} ${res.status} ${contentType}`;
  let validate = validators.get(key);
  if (!validate) {
    const doc = openApiDocument() as { components: Json };
    validate = ajv.compile({ ...documented.content![contentType.split(";")[0]].schema, components: doc.components });
    validators.set(key, validate);
  }
  const ok = validate(body);
  expect(ok, `${key} matches the OpenAPI schema: ${JSON.stringify(validate.errors?.slice(0, 5))}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
  return body;
}

export interface CallOptions {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

export interface CallResult<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls an endpoint's handler as Next.js would, and checks the response against the contract. */
export async function call<T = Json>(ep: AnyEndpoint, opts: CallOptions = {}): Promise<CallResult<T>> {
  const params = opts.params ?? {};
  const path = ep.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${ep.id}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.raw;
  if (body === undefined && opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  // duplex: Node needs it for streamed bodies, as Next.js's own requests have.
  const init = { method: ep.method, headers, body, duplex: "half" } as RequestInit;
  const res = await ep(new Request(url, init), { params: Promise.resolve(params) });
  const resHeaders = res.headers;
  const parsed = await expectContract(ep, res);
  return { status: res.status, body: parsed as T, headers: resHeaders };
}

/** claimWorld plus an API token for each member of the workspace. */
export async function apiWorld() {
  const world = await claimWorld();
  const tokenFor = async (user: FixtureUser, name = "test") => (await createApiToken(user.id, { name, workspace: world.workspace.slug })).token;
  const tokens = {
    admin: await tokenFor(world.admin),
    reviewer: await tokenFor(world.reviewer),
    annotator: await tokenFor(world.annotator),
    viewer: await tokenFor(world.viewer),
  };
  const ws = world.workspace.slug;
  return { ...world, ws, tokens, tokenFor };
}
