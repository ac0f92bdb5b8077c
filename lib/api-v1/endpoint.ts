import { z } from "zod";
import { authorize, type Access, type Action } from "@/lib/auth/permissions";
import { invalid, notFound, said } from "@/lib/errors";
import { checkParams, checkQuery, errorResponse, HttpProblem, INT4_MAX, MAX_BODY_BYTES, parseJson, readText, toResponse, validate, type Method, type RouteContext } from "@/lib/http/pipeline";
import { hashBody, IDEMPOTENCY_HEADER, withIdempotency } from "@/lib/http/idempotency";
import { problem } from "@/lib/http/problem";
import { consumeRequest, type RateDecision } from "./rate-limit";
import { resolveApiToken, touchApiToken, type ResolvedToken } from "./tokens";

/**
 * The /api/v1 route wrapper, a configuration of the shared pipeline
 * (lib/http/pipeline.ts): bearer token → rate limit → workspace access
 * (lib/auth/permissions `authorize`, the same actions as the UI routes) →
 * path, query and body (size limit, JSON, zod) → handler → JSON or problem+json.
 * Each endpoint is also a definition the OpenAPI document is generated from.
 */
export type { Method };
export { MAX_BODY_BYTES };

export interface ResponseDef {
  description: string;
  schema?: z.ZodType;
  /** Response headers worth documenting, e.g. Location. */
  headers?: Record<string, string>;
  /** Non-JSON (or free-form, streamed) bodies: media type → description. */
  media?: Record<string, string>;
}

interface HandlerContext<Q, B> {
  req: Request;
  params: Record<string, string>;
  query: Q;
  body: B;
  token: ResolvedToken;
  /** The token owner's membership of the token's workspace, allowed to do `action`. */
  access: Access;
  /** Set headers on the response (ETag, Location…). */
  headers: Headers;
}

export interface EndpointDef<Q extends z.ZodType | undefined, B extends z.ZodType | undefined> {
  /** OpenAPI operationId. */
  id: string;
  method: Method;
  /** Relative to /api/v1, OpenAPI style: /workspaces/{ws}/claims/{claimId}. */
  path: string;
  /** Resource group (OpenAPI tag). */
  tag: string;
  summary: string;
  description?: string;
  /** The permission asked of the token's owner in the {ws} workspace (lib/auth/permissions). */
  action: Action;
  query?: Q;
  /** Query parameters that may be given more than once (documented so); any other repeated is a 400 naming it. */
  repeatableQuery?: readonly string[];
  body?: B;
  /** Takes the version it was based on from `If-Match` as well as from `version` in the body. */
  versioned?: boolean;
  maxBodyBytes?: number;
  /** Success status (default 200). */
  status?: number;
  responses: Record<number, ResponseDef>;
  /** A request body example for the reference page. */
  example?: unknown;
  handler: (ctx: HandlerContext<Out<Q>, Out<B>>) => Promise<unknown>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type AnyEndpoint = EndpointDef<z.ZodType | undefined, z.ZodType | undefined> & { (req: Request, ctx?: RouteContext): Promise<Response> };

function bearer(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

const WWW_AUTH = 'Bearer realm="claimtrail"';

async function authenticate(req: Request): Promise<ResolvedToken> {
  const raw = bearer(req);
  if (!raw) throw new HttpProblem(problem(401, "Send a personal API token: Authorization: Bearer ct_….", undefined, { "www-authenticate": WWW_AUTH }));
  const token = await resolveApiToken(raw);
  if (!token) {
    throw new HttpProblem(problem(401, "The API token is invalid or was revoked.", undefined, { "www-authenticate": `${WWW_AUTH}, error="invalid_token"` }));
  }
  return token;
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3. */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.headers.get("if-match");
  if (!header) return undefined;
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,10})"?$/);
  if (!match || Number(match[1]) > INT4_MAX) throw invalid(said("if_match_invalid", 'If-Match must be the version, e.g. If-Match: "3".'), { "If-Match": said("if_match_invalid", "Not a version.") });
  return Number(match[1]);
}

/** The body (already read as text, within the limit): JSON, If-Match merged in for versioned changes, zod. */
function parseBody(text: string, req: Request, def: { body?: z.ZodType; versioned?: boolean }): unknown {
  if (!def.body) return undefined;
  let json = parseJson(text);
  if (def.versioned) {
    const version = ifMatchVersion(req);
    if (version !== undefined && json && typeof json === "object" && !Array.isArray(json)) {
      const given = (json as { version?: unknown }).version;
      if (given !== undefined && given !== version) throw invalid(said("if_match_disagrees", "If-Match and version disagree."), { version: said("if_match_disagrees", "Differs from If-Match.") });
      json = { ...json, version };
    }
  }
  return validate(def.body, json, "body");
}

/**
 * An operation's query parameters: the pipeline's rules for every query, then its schema. A parameter its schema
 * doesn't name is refused, named (400 `not_allowed`), as the export's always were: a misspelt filter ignored
 * (`reviewstate=approved`) would answer for the whole workspace, and a script paging through it would never know.
 */
function parseQuery(req: Request, def: { query?: z.ZodType; repeatableQuery?: readonly string[] }): unknown {
  const accepted = def.query instanceof z.ZodObject ? Object.keys(def.query.shape) : undefined;
  const query = checkQuery(new URL(req.url), { repeatable: def.repeatableQuery, accepted }, req.headers);
  return def.query ? validate(def.query, query, "query") : undefined;
}

function rateHeaders(rate: RateDecision | null): Record<string, string> {
  if (!rate) return {};
  return { "ratelimit-limit": String(rate.limit), "ratelimit-remaining": String(rate.remaining), "ratelimit-reset": String(rate.resetSeconds) };
}

/** Defines an endpoint: the returned function is the Next.js route handler, and carries its definition. */
export function endpoint<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(def: EndpointDef<Q, B>) {
  const handler = async (req: Request, ctx?: RouteContext): Promise<Response> => {
    let rate: RateDecision | null = null;
    let res: Response;
    try {
      const token = await authenticate(req);
      rate = await consumeRequest(token.id);
      if (!rate.allowed) {
        throw new HttpProblem(problem(429, `Too many requests for this token: at most ${rate.limit} a minute. Try again in ${rate.resetSeconds} s.`, undefined, { "retry-after": String(rate.resetSeconds) }));
      }
      await touchApiToken(token.id);
      const params = checkParams((await ctx?.params) ?? {});
      // The token acts in its one workspace only; any other is "not found", as for non-members.
      const slug = params.ws ?? token.workspace.slug;
      if (slug !== token.workspace.slug) throw notFound("Workspace not found");
      // Access is settled before the request is read, so a non-member learns nothing from validation errors.
      const access = await authorize(token.userId, slug, def.action);
      const query = parseQuery(req, def);
      const key = def.method === "POST" ? req.headers.get(IDEMPOTENCY_HEADER) : null;
      const text = def.body ? await readText(req, def.maxBodyBytes ?? MAX_BODY_BYTES) : "";
      // Everything after reading answers a Response (errors too), so a replayed POST answers exactly what the first got.
      const execute = async (): Promise<Response> => {
        try {
          const body = parseBody(text, req, def);
          const headers = new Headers();
          const result = await def.handler({ req, params, query: query as Out<Q>, body: body as Out<B>, token, access, headers });
          return toResponse(result, def.status ?? 200, headers);
        } catch (err) {
          return errorResponse(err, req);
        }
      };
      if (key !== null) {
        // The same key with another body, query or If-Match is a different request (422), not a retry.
        const url = new URL(req.url);
        const bodyHash = hashBody(`${req.headers.get("if-match") ?? ""}\n${text}`);
        res = await withIdempotency({ key, actorId: token.id, method: def.method, path: url.pathname + url.search, bodyHash }, execute);
      } else {
        res = await execute();
      }
    } catch (err) {
      res = errorResponse(err, req);
    }
    for (const [k, v] of Object.entries(rateHeaders(rate))) res.headers.set(k, v);
    return res;
  };
  return Object.assign(handler, def) as unknown as AnyEndpoint;
}
