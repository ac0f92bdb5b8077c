import fc from "fast-check";
import { vi } from "vitest";
import { db } from "@/lib/db/client";
import { adversarialBody as adversarialBodyArb, adversarialValue, arbitraryFor, materialize, queryString, type Injected } from "./json-schema-arbitrary";

/**
 * Test helper (not a test): what the property tests share: generated
 * requests (path parameters, query, body) for one operation, the failure a
 * response shows, and the known-failure list that tolerates a failure until
 * its fix is merged (and fails the run once it no longer happens).
 */
type Json = Record<string, unknown>;

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261130);

export interface GeneratedRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  /** JSON text, or a raw adversarial body; undefined: no body. */
  body?: string;
  headers: Record<string, string>;
  injected: Injected[];
}

export interface OperationShape {
  pathParams: string[];
  query?: { name: string; schema: Json; required: boolean }[];
  body?: Json;
  versioned?: boolean;
}

/** Path parameters as Next.js hands them over, decoded (so never a lone surrogate: URLs are UTF-8). */
const MALFORMED_IDS: [string, string][] = [
  ["nul", "\u0000"],
  ["nul", "ck\u0000abc"],
  ["percent-encoded", "a%2F..%00"],
  ["long-string", "c".repeat(5_000)],
  ["blank", " "],
  ["path-traversal", "../../etc/passwd"],
  ["unknown-id", "cknotarealid000000000000"],
];

/** Each place in a request that a mutation can replace, as keys from the root: [path, x], [query, x], [body], [body, a, 0, b]. */
function positions(value: unknown, at: string[], out: string[][] = []): string[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => positions(v, [...at, String(i)], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) positions(v, [...at, k], out);
  return out;
}

/** Puts `value` at `keys`; false when the place is gone (an earlier mutation replaced what held it). */
function setAt(root: Record<string, unknown>, keys: string[], value: unknown): boolean {
  let node: unknown = root;
  for (const k of keys.slice(0, -1)) {
    if (!node || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[k];
  }
  if (!node || typeof node !== "object") return false;
  Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
  return true;
}

/** Stands for "the version the row has now": the test replaces it just before sending, so changes get past the version check. */
export const CURRENT_VERSION = "__current_version__";

/**
 * Requests for one operation: schema-shaped and plausible (real ids, current
 * versions), then 0–2 mutations, each putting an adversarial value at a
 * random place (a path parameter, a query parameter, any node of the body),
 * or replacing the whole body by a non-JSON or wrongly shaped one.
 */
export function requestArbitrary(shape: OperationShape, ids: Record<string, string[]>, defs: Record<string, Json>): fc.Arbitrary<GeneratedRequest> {
  const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true });
  const hint = (name: string, s: Json): fc.Arbitrary<unknown> | undefined => {
    if (s.type === "array" || s.type === "object") return undefined;
    const pool = { toId: ids.claimId, from: ids.claimId, claimIds: ids.claimId, assigneeId: ids.userId, articles: ids.articleId }[name] ?? ids[name];
    if (pool?.length) return fc.constantFrom(...pool);
    if (name === "version") return fc.oneof({ weight: 4, arbitrary: fc.constant(CURRENT_VERSION) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) });
    if (name === "revision") return fc.integer({ min: 1, max: 3 });
    if (name === "start" || name === "end") return fc.integer({ min: 0, max: 300 });
    const plainText = s.type === "string" && !s.enum && !s.format;
    if (plainText && name === "reviewState") return fc.constantFrom("unreviewed", "in-review,approved");
    if (plainText && name === "verdict") return fc.constantFrom("false", "mostly-false,none");
    if (name === "cursor") return fc.constantFrom(...(ids.cursor ?? ["x"]));
    if (name === "language") return fc.constantFrom("en", "pt-BR", "de");
    if (name === "url" || name === "href") return fc.constantFrom("https://example.org/a", "http://example.com/b?c=d");
    if (name === "filename") return fc.constantFrom("a.txt", "b.md", "c.html");
    if (name === "email") return fc.constantFrom("someone@example.test", "Other.Person@example.test");
    if (name === "password") return fc.constantFrom("correct horse battery staple", "0123456789ab");
    if (name === "limit") return fc.integer({ min: 1, max: 100 });
    if (name === "from" || name === "to") return date.map((d) => d.toISOString().slice(0, 10));
    if (name === "withVerdict" || name === "revisions" || name === "hasClaim" || name === "deleted" || name === "hasSources") return fc.constantFrom("true", "false");
    return undefined;
  };
  const opts = { defs, hint, adversarialOneIn: Number.POSITIVE_INFINITY };
  const params = fc.record(Object.fromEntries(shape.pathParams.map((name) => [name, fc.constantFrom(...(ids[name] ?? ["x"]))])));
  const query = fc.record(
    Object.fromEntries((shape.query ?? []).map((p) => [p.name, arbitraryFor(p.schema, opts, 0, p.name).map(queryString)])),
    { requiredKeys: (shape.query ?? []).filter((p) => p.required).map((p) => p.name) },
  );
  const body = shape.body ? arbitraryFor(shape.body, opts) : fc.constant(undefined);
  const mutation = fc.tuple(fc.nat(), adversarialValue({ properties: { type: { const: "doc" } } }), adversarialValue({}, true), fc.constantFrom(...MALFORMED_IDS), adversarialBodyArb);
  const mutations = fc.array(mutation, { maxLength: 2 });
  const ifMatch = shape.versioned ? fc.option(fc.constantFrom('"1"', 'W/"2"', "3", "99999999999999999999", "abc", '"-1"'), { freq: 6 }) : fc.constant(null);
  return fc.tuple(params, query, body, mutations, ifMatch).map(([p, q, b, ms, m]) => {
    const injected: Injected[] = [];
    const root: Record<string, unknown> = {
      path: materialize(p, "path", injected).value,
      query: materialize(q, "query", injected).value,
    };
    if (b !== undefined) root.body = materialize(b, "body", injected).value;
    let raw: string | undefined;
    // The places are those of the plausible request; one inside an earlier mutation's value is skipped (those values are shared constants).
    const places = [
      ...shape.pathParams.map((k) => ["path", k]),
      ...(shape.query ?? []).map((x) => ["query", x.name]),
      ...(b !== undefined ? positions(root.body, ["body"]) : []),
    ];
    const done: string[][] = [];
    for (const [n, bodyValue, queryValue, [idKind, idValue], wholeBody] of ms) {
      if (!places.length) break;
      const place = places[n % places.length];
      if (done.some((d) => d.every((k, i) => place[i] === k))) continue;
      done.push(place);
      const at = place.join(".");
      if (at === "body" && n % 2 === 0) {
        raw = (wholeBody.value as { raw: string }).raw;
        injected.push({ path: "body", kind: wholeBody.kind });
      } else if (at === "body") {
        root.body = bodyValue.value;
        injected.push({ path: at, kind: bodyValue.kind });
      } else {
        const [kind, value] = place[0] === "path" ? [idKind, idValue] : place[0] === "query" ? [queryValue.kind, queryValue.value] : [bodyValue.kind, bodyValue.value];
        if (setAt(root, place, value)) injected.push({ path: at, kind });
      }
    }
    const headers: Record<string, string> = {};
    if (m) {
      headers["if-match"] = m;
      if (!/^(W\/)?"?\d{1,15}"?$/.test(m)) injected.push({ path: "header.If-Match", kind: "bad-if-match" });
    }
    const text = raw ?? (b !== undefined ? JSON.stringify(root.body) : undefined);
    const qv = root.query as Record<string, unknown>;
    return { params: root.path as Record<string, string>, query: Object.fromEntries(Object.entries(qv).map(([k, v]) => [k, queryString(v)])), body: text, headers, injected };
  });
}

/** Stands for a fresh word in each request (so that each article import is new, not a duplicate that stores nothing). */
export const UNIQUE = "__unique__";
let uniqueCount = 0;

/** The request with UNIQUE made unique and CURRENT_VERSION replaced by the version the claim (or else the article) in its path has now. */
export async function withCurrentVersion(generated: GeneratedRequest): Promise<GeneratedRequest> {
  const req = generated.body?.includes(UNIQUE) ? { ...generated, body: generated.body.replaceAll(UNIQUE, `u${++uniqueCount}x${Date.now().toString(36)}`) } : generated;
  if (!req.body?.includes(CURRENT_VERSION)) return req;
  const claim = req.params.claimId ? await db.claim.findFirst({ where: { id: req.params.claimId }, select: { version: true } }).catch(() => null) : null;
  const article = !claim && req.params.articleId ? await db.article.findFirst({ where: { id: req.params.articleId }, select: { revision: true } }).catch(() => null) : null;
  const version = claim?.version ?? article?.revision ?? 1;
  return { ...req, body: req.body.replaceAll(`"${CURRENT_VERSION}"`, String(version)) };
}

/** A URL for the request: path parameters are passed to the handler as they are; here they only need to be printable. */
export function urlFor(template: string, req: GeneratedRequest, prefix: string): URL {
  const path = template.replace(/\{(\w+)\}|\[(\w+)\]/g, (_, a: string | undefined, b: string | undefined) => {
    const v = req.params[(a ?? b)!] ?? "";
    try {
      return encodeURIComponent(v);
    } catch {
      return "invalid";
    }
  });
  const url = new URL(`http://localhost${prefix}${path}`);
  for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
  return url;
}

export function requestFor(url: URL, method: string, req: GeneratedRequest, extraHeaders: Record<string, string> = {}): Request {
  const headers: Record<string, string> = { ...req.headers, ...extraHeaders };
  if (req.body !== undefined) headers["content-type"] = "application/json";
  return new Request(url, { method, headers, body: req.body, duplex: "half" } as RequestInit);
}

/** What went wrong with one response. */
export interface Failure {
  operation: string;
  /** 5xx, contract (body or status not as documented), no-field (a 400 for a bad field that names none). */
  category: "5xx" | "contract" | "no-field";
  status: number;
  detail: string;
  injected: Injected[];
}

/** A failure whose fix is on another branch: tolerated until merged. `kinds`: the adversarial kinds that trigger it (any one of them). */
export interface KnownFailure {
  /** The operations (v1 operationId, or "METHOD /path" for cookie routes) it happens on. */
  operations: string[];
  category: Failure["category"];
  kinds: string[];
  /** Where the value was put: a prefix of the injected path (path., query.tag, body.claimDate, body). */
  at: string;
  /** Where the fix belongs and why. */
  why: string;
}

export function matchKnown(f: Failure, known: KnownFailure[]): KnownFailure | undefined {
  return known.find((k) => k.operations.includes(f.operation) && k.category === f.category && f.injected.some((i) => k.kinds.includes(i.kind) && i.path.startsWith(k.at)));
}

/** Each known failure's operations that didn't fail this run: fixed, so their entries must go. */
export function staleKnownFailures(known: KnownFailure[], seen: Set<string>): string[] {
  return known.flatMap((k, i) => k.operations.filter((op) => !seen.has(`${i} ${op}`)).map((op) => `${op}: ${k.category} on ${k.at}* ${k.kinds.join("/")} (${k.why.slice(0, 60)}…)`));
}

export function seenKey(known: KnownFailure[], k: KnownFailure, operation: string): string {
  return `${known.indexOf(k)} ${operation}`;
}

/** Captures what the route wrappers log (console.error(err)) for a 5xx, so a failure shows its stack top. */
export function captureServerErrors() {
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.find((a) => a instanceof Error) ?? args[0]);
  });
  return {
    take(): string {
      const err = logged.splice(0).at(-1);
      if (!err) return "(nothing logged)";
      if (err instanceof Error) return (err.stack ?? String(err)).split("\n").slice(0, 4).join(" | ");
      return String(err).slice(0, 300);
    },
    restore: () => spy.mockRestore(),
  };
}

/** A short, printable description of a request (long values cut). */
export function describeRequest(method: string, url: URL, req: GeneratedRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  return `${method} ${cut(decodeURIComponentSafe(url.pathname + url.search))} params=${cut(JSON.stringify(req.params))} body=${req.body === undefined ? "none" : cut(req.body)} headers=${JSON.stringify(req.headers)} injected=${JSON.stringify(req.injected.map((i) => `${i.path}:${i.kind}`))}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Field-level injections (not whole-body ones) that should make a 400 name a field. */
export function fieldInjections(req: GeneratedRequest): Injected[] {
  if (req.injected.some((i) => i.path === "body")) return [];
  return req.injected.filter((i) => i.path.startsWith("body.") || i.path.startsWith("query."));
}
