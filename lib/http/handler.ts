import type { z } from "zod";
import { authorize, type Access, type Action } from "@/lib/auth/permissions";
import { currentUser, type CurrentUser } from "@/lib/auth/session";
import { checkParams, checkQuery, errorResponse, HttpProblem, MAX_BODY_BYTES, parseJson, readText, toResponse, validate, type QueryRules, type RouteContext } from "./pipeline";
import { problem } from "./problem";

/**
 * The cookie-session routes (/api/w/…, /api/tokens…), as a configuration of
 * the shared pipeline (./pipeline.ts): session → (workspace membership →
 * permission) → path and query checks → body (size limit, JSON, zod) →
 * handler → JSON or problem+json.
 */
interface Context<B> {
  req: Request;
  params: Record<string, string>;
  body: B;
}

interface RouteOptions<S> {
  body?: S;
  status?: number;
  /** Bodies larger than ordinary JSON (article imports); default MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** What the query may hold beyond the common rules: parameters that may repeat, and (where an ignored one would mislead) all it takes. */
  query?: QueryRules;
}

async function signedIn(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new HttpProblem(problem(401, "Sign in first."));
  return user;
}

async function run<S extends z.ZodType, A, X>(
  req: Request,
  ctx: RouteContext,
  opts: RouteOptions<S>,
  authenticate: () => Promise<A>,
  resolve: (actor: A, params: Record<string, string>) => Promise<X>,
  handler: (ctx: Context<z.infer<S>> & X) => Promise<unknown>,
): Promise<Response> {
  try {
    const actor = await authenticate();
    const params = checkParams((await ctx?.params) ?? {});
    // Access is settled before the request is read, so a non-member learns nothing from validation errors.
    const extra = await resolve(actor, params);
    checkQuery(new URL(req.url), opts.query, req.headers);
    const body = (opts.body ? validate(opts.body, parseJson(await readText(req, opts.maxBodyBytes ?? MAX_BODY_BYTES)), "body") : undefined) as z.output<S>;
    return toResponse(await handler({ req, params, body, ...extra }), opts.status ?? 200);
  } catch (err) {
    return errorResponse(err, req);
  }
}

/** A route for any signed-in user. */
export function userRoute<S extends z.ZodType>(opts: RouteOptions<S>, handler: (ctx: Context<z.infer<S>> & { user: CurrentUser }) => Promise<unknown>) {
  return (req: Request, ctx: RouteContext) => run(req, ctx, opts, signedIn, async (user) => ({ user }), handler);
}

/** A route inside /api/w/[slug]/…: the actor must be a member allowed to do `action`. */
export function workspaceRoute<S extends z.ZodType>(
  action: Action,
  opts: RouteOptions<S>,
  handler: (ctx: Context<z.infer<S>> & { user: CurrentUser; access: Access }) => Promise<unknown>,
) {
  return (req: Request, ctx: RouteContext) =>
    run(req, ctx, opts, signedIn, async (user, params) => ({ user, access: await authorize(user.id, params.slug, action) }), handler);
}

/** A route anyone may call (sign-up): the same path, query, body and error rules, without a session. */
export function publicRoute<S extends z.ZodType>(opts: RouteOptions<S>, handler: (ctx: Context<z.infer<S>>) => Promise<unknown>) {
  return (req: Request, ctx: RouteContext) => run(req, ctx, opts, async () => null, async () => ({}), handler);
}
