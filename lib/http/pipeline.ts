import type { z } from "zod";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isRetryableTransactionFailure, lostWriteRace } from "@/lib/db/connection-errors";
import { DomainError, invalid, invalidInput, said, type Message } from "@/lib/errors";
import { problem, UNKNOWN_FIELD_MESSAGE } from "./problem";
import { readLimited } from "./read-limited";
import { findUnstorableText, unstorableReason } from "@/lib/validation/text";

/** Text that can't be stored, said with its code (the UI has it in every language). */
const unstorable = (why: string | null): Message | null => (why ? said("unstorable_text", why) : null);

/**
 * The steps every API request goes through, shared by the cookie routes
 * (lib/http/handler.ts) and REST v1 (lib/api-v1/endpoint.ts):
 * authenticate (session or token) → member → permission → path and query
 * checks → size-limited body → JSON → zod → use case → JSON or problem+json.
 * The two wrappers differ only in how they authenticate and what they add
 * around the run (rate limit, If-Match, Idempotency-Key).
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Request bodies are ordinary JSON of at most this size unless a route says otherwise (article and bundle imports). */
export const MAX_BODY_BYTES = 256 * 1024;
/** Article imports and edits carry up to 5 MB of content, JSON-escaped: their bodies may be up to 12 MiB. */
export const ARTICLE_BODY_BYTES = 12 * 1024 * 1024;

/** Versions and revisions are PostgreSQL integers: a larger number can't name one (and the database would refuse to compare it). */
export const INT4_MAX = 2_147_483_647;

/** A ready answer thrown from any step (401 with WWW-Authenticate, 413, 429…). */
export class HttpProblem extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

export type RouteParams = Record<string, string | string[]>;
export type RouteContext = { params: Promise<RouteParams> };

/**
 * Ids, slugs and invite tokens in paths are all short runs of [A-Za-z0-9_-]
 * (cuids, slugs, base64url): anything else can't name a row, so it is a 400
 * naming the parameter rather than a database round trip (or, for a NUL, a 500).
 */
const PATH_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Path parameters: catch-all segments arrive joined with "/"; single ones must look like an id. */
export function checkParams(params: RouteParams): Record<string, string> {
  const errors: Record<string, Message> = {};
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw.join("/") : raw;
    const why = unstorable(unstorableReason(value)) ?? (Array.isArray(raw) || PATH_ID.test(value) ? null : said("path_id_invalid", "Not a valid id."));
    if (why) errors[name] = why;
    out[name] = value;
  }
  if (Object.keys(errors).length) throw invalid(said("path_params_invalid", "Some path parameters are invalid."), errors);
  return out;
}

export const BAD_ENCODING_MESSAGE = "Not valid UTF-8: percent-encoded bytes that are no character (e.g. an encoded lone surrogate).";

/**
 * Parameters whose percent-encoding isn't UTF-8 (%FF, %ED%A0%80 — a lone
 * surrogate —, a cut %E0%A4): URLSearchParams turns them into U+FFFD
 * silently, changing what was sent, so they are found in the raw query. A
 * lone % not followed by two hex digits is kept as written, as URLSearchParams does.
 */
function badlyEncoded(search: string): Record<string, Message> {
  const errors: Record<string, Message> = {};
  if (!search.includes("%")) return errors;
  const decode = (raw: string) => decodeURIComponent(raw.replace(/\+/g, " ").replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
  for (const part of search.replace(/^\?/, "").split("&")) {
    const eq = part.indexOf("=");
    let name: string;
    try {
      name = decode(eq < 0 ? part : part.slice(0, eq));
    } catch {
      errors._ = said("query_not_utf8", BAD_ENCODING_MESSAGE);
      continue;
    }
    try {
      if (eq >= 0) decode(part.slice(eq + 1));
    } catch {
      errors[name] = said("query_not_utf8", BAD_ENCODING_MESSAGE);
    }
  }
  return errors;
}

/**
 * U+FFFD in a query value. Over HTTP the server decodes the query before a handler (or proxy.ts)
 * sees it, turning bytes that are no UTF-8 (`?text=%FF`) into U+FFFD, and the raw URL is not to be
 * had: so the replacement character itself is refused. Nobody types it, and text holding it was
 * already damaged before it was sent.
 */
export const REPLACEMENT_CHARACTER_MESSAGE = "Not valid UTF-8, or holds U+FFFD (the replacement character, which bytes that aren't UTF-8 turn into): send the text percent-encoded as UTF-8.";
export const REPEATED_PARAMETER_MESSAGE = "Given more than once: give it once.";

/** Set by the server for the query's parameters Next.js drops (scripts/lib/http-timeouts.mjs, which can't import this). */
export const DROPPED_PARAMS_HEADER = "x-claimtrail-dropped-params";

/** What a route's query may hold beyond the rules for every query. */
export interface QueryRules {
  /** Parameters that may be given more than once (the export's `tag`); any other repeated is refused. */
  repeatable?: readonly string[];
  /**
   * Every parameter the route takes, where one it ignored would change what it does: a misspelt export
   * filter (`reviewstate=approved`) ignored would export the whole workspace. Any other is refused, named.
   */
  accepted?: readonly string[];
}

/**
 * A parameter's name as an error names it when the name itself can't be stored: control characters written as
 * JavaScript escapes (`a\\u0000b`), so a client sees which parameter it was, not `_` (black-box pass of session 30).
 */
export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A page's `searchParams` (Next.js: a value or a list per name) as the URLSearchParams a route would read. */
export function pageSearchParams(search: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const one of [v ?? []].flat()) params.append(k, one);
  return params;
}

/**
 * Query parameters: none may hold text that can't be stored or compared, nor bytes that are no
 * text (nor U+FFFD, which is what those arrive as over HTTP); each is given once, except the
 * `repeatable` ones an operation documents as such (`?limit=1&limit=2` would otherwise use one of
 * them silently); and where a route lists what it `accepted`, nothing else.
 */
export function checkQuery(url: URL, { repeatable = [], accepted }: QueryRules = {}, headers?: Headers): Record<string, string> {
  // A Map, not an object's keys: `errors["__proto__"] ??= …` found Object.prototype there and `constructor` the
  // Object function, so those two names (and toString, valueOf…) were taken without a word (black-box, session 33).
  const errors = new Map<string, Message>(Object.entries(badlyEncoded(url.search)));
  const refuse = (name: string, why: Message) => void (errors.has(name) || errors.set(name, why));
  const seen = new Set<string>();
  const reason = (s: string): Message | null => unstorable(unstorableReason(s)) ?? (s.includes("\uFFFD") ? said("query_replacement_char", REPLACEMENT_CHARACTER_MESSAGE) : null);
  for (const [name, value] of url.searchParams) {
    const nameWhy = reason(name);
    const why = nameWhy ?? reason(value);
    // A name holding U+FFFD stands for bytes that were no text, which no name can give back: `_`.
    if (why) refuse(nameWhy ? (name.includes("\uFFFD") ? "_" : printableName(name)) : name, why);
    else if (accepted && !accepted.includes(name)) refuse(name, said("not_allowed", UNKNOWN_FIELD_MESSAGE));
    else if (seen.has(name) && !repeatable.includes(name)) refuse(name, said("query_repeated", REPEATED_PARAMETER_MESSAGE));
    seen.add(name);
  }
  // Names Next.js dropped before the URL reached here (`__proto__`), as the server saw them (scripts/lib/http-timeouts.mjs):
  // ignored, a bad filter's export had held the whole workspace (black-box, session 34).
  for (const name of (headers?.get(DROPPED_PARAMS_HEADER) ?? "").split(",").filter(Boolean)) refuse(name, said("not_allowed", UNKNOWN_FIELD_MESSAGE));
  if (errors.size) throw invalid(said("query_params_invalid", "Some query parameters are invalid."), Object.fromEntries(errors));
  return Object.fromEntries(url.searchParams);
}

export function tooLarge(max: number): HttpProblem {
  return new HttpProblem(problem(413, `The request body is over the limit of ${max} bytes.`, undefined, undefined, { limit: max }));
}

/**
 * A request its client gave up on: the page navigated away or closed while
 * the request was on its way (presence heartbeats do this all the time). Node
 * reports it as "aborted" (ECONNRESET) from the request body, and the Request's
 * signal is aborted. Nothing is wrong with the server or the database.
 */
export class ClientAborted extends Error {
  constructor() {
    super("The client aborted the request.");
  }
}

export function isClientAbort(err: unknown, req?: Request): boolean {
  if (err instanceof ClientAborted) return true;
  if (req?.signal.aborted) return true;
  const e = err as { message?: unknown; code?: unknown } | null;
  return typeof e === "object" && e !== null && e.message === "aborted" && e.code === "ECONNRESET";
}

/** The body as text, refused with 413 past `max` bytes (declared or streamed). */
export async function readText(req: Request, max: number): Promise<string> {
  try {
    return await readLimited(req, max, () => tooLarge(max));
  } catch (err) {
    if (isClientAbort(err, req)) throw new ClientAborted();
    throw err;
  }
}

/** JSON text → value; an empty body is `{}` (every schema then names what is missing). Strings that can't be stored are a 400 naming their path. */
export function parseJson(text: string): unknown {
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid("The request body must be JSON.");
  }
  const bad = findUnstorableText(json);
  if (bad) throw new DomainError(400, "Some fields are invalid.", { [bad.path]: bad.why }, { code: "invalid_fields", fieldCodes: { [bad.path]: { code: "unstorable_text" } } });
  return json;
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, what: "body" | "query"): z.output<S> {
  // reportInput: a wrong type is told from a missing value by the input on the issue (issueCode); it is not sent on.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw invalidInput(what === "body" ? "Some fields are invalid." : "Some query parameters are invalid.", parsed.error);
  return parsed.data;
}

/** A use case's result as the answer: a Response as is, undefined as 204, anything else as JSON. */
export function toResponse(result: unknown, status: number, headers = new Headers()): Response {
  if (result instanceof Response) {
    headers.forEach((v, k) => result.headers.set(k, v));
    return result;
  }
  if (result === undefined) return new Response(null, { status: 204, headers });
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(result), { status, headers });
}

/**
 * Errors as problem+json: deliberate ones keep their status; a request its
 * client aborted is a quiet 400 (nobody reads it; nothing is logged); a
 * database that can't be reached, or a transaction it rolled back for timing
 * (timeout, deadlock), is 503 (the same request may succeed a moment later);
 * anything else is logged and a generic 500.
 */
export function errorResponse(err: unknown, req?: Request): Response {
  if (err instanceof HttpProblem) return err.response;
  if (err instanceof DomainError) {
    // A 429 that knows when to come back says so in the header clients read (RFC 9110 Retry-After).
    const retryAfter = err.status === 429 && typeof err.extra.retryAfter === "number" ? { "retry-after": String(err.extra.retryAfter) } : undefined;
    return problem(err.status, err.message, err.fields, retryAfter, err.extra);
  }
  // The client is gone: nobody reads the answer, and it is no server or database trouble to log. With the request, also
  // whatever its going caused (an export's queries cancelled when the client dropped the download before its first byte).
  if (isClientAbort(err, req)) return problem(400, "The request was aborted by the client.");
  if (isDatabaseUnavailable(err)) {
    console.error("database unavailable:", err instanceof Error ? err.message : err);
    return problem(503, "The database can't be reached right now. Try again shortly.", undefined, { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  if (isRetryableTransactionFailure(err)) {
    console.error("transaction rolled back (timeout or deadlock):", err instanceof Error ? err.message : err);
    return problem(503, "The server was too busy to finish this in time, so nothing was saved. Try again.", undefined, { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  const race = lostWriteRace(err);
  if (race) {
    console.error("write lost a race:", err instanceof Error ? err.message : err);
    return race === "gone"
      ? problem(404, "Not found: it was deleted by someone else a moment ago.", undefined, undefined, { code: "not_found" })
      : problem(409, "Someone else saved the same thing a moment ago. Reload and try again.", undefined, undefined, { code: "conflict" });
  }
  console.error(err);
  return problem(500, "Something went wrong on our side.");
}

/** 405 for a method the route doesn't have, naming those it has. */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return problem(405, `This resource answers ${allowed.join(", ")} only.`, undefined, { allow: allowHeader(allowed) });
}

function allowHeader(allowed: readonly string[]): string {
  return [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
}

type Handler = (req: Request, ctx: RouteContext) => Promise<Response>;
type Exports = Record<Method | "OPTIONS", Handler>;

/**
 * A route file's exports: the handlers it has, a 405 with `Allow` for every
 * other method (Next.js would answer those with a bare 405 itself), and
 * OPTIONS naming the methods it really has.
 * `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: …, POST: … })`
 */
export function methods(handlers: Partial<Record<Method, Handler>>): Exports {
  const allowed = METHODS.filter((m) => handlers[m]);
  const refuse: Handler = async () => methodNotAllowed(allowed);
  const options: Handler = async () => new Response(null, { status: 204, headers: { allow: allowHeader(allowed) } });
  return { ...(Object.fromEntries(METHODS.map((m) => [m, handlers[m] ?? refuse])) as Record<Method, Handler>), OPTIONS: options };
}
