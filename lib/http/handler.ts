import type { z } from "zod";
import { authorize, type Access, type Action } from "@/lib/auth/permissions";
import { currentUser, type CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { fieldErrors, problem } from "./problem";

/**
 * The one wrapper every route handler goes through:
 * session → (workspace membership → permission) → zod → handler → problem+json.
 */
type Params = Record<string, string | string[]>;
type RouteContext = { params: Promise<Params> };

interface Context<B> {
  req: Request;
  params: Record<string, string>;
  body: B;
}

async function readBody<S extends z.ZodType>(req: Request, schema: S | undefined): Promise<z.infer<S> | Response> {
  if (!schema) return undefined as z.infer<S>;
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    return problem(400, "The request body must be JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return problem(400, "Some fields are invalid.", fieldErrors(parsed.error));
  return parsed.data;
}

function toResponse(result: unknown, status = 200): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return Response.json(result, { status });
}

function handleError(err: unknown): Response {
  if (err instanceof DomainError) return problem(err.status, err.message, err.fields, undefined, err.extra);
  console.error(err);
  return problem(500, "Something went wrong on our side.");
}

function flatParams(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

async function run<S extends z.ZodType, X>(
  req: Request,
  ctx: RouteContext,
  opts: { body?: S; status?: number },
  resolve: (user: CurrentUser, params: Record<string, string>) => Promise<X>,
  handler: (ctx: Context<z.infer<S>> & { user: CurrentUser } & X) => Promise<unknown>,
): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) return problem(401, "Sign in first.");
    const params = flatParams((await ctx?.params) ?? {});
    // Access is settled before the body is read, so a non-member learns nothing from validation errors.
    const extra = await resolve(user, params);
    const body = await readBody(req, opts.body);
    if (body instanceof Response) return body;
    return toResponse(await handler({ req, params, body, user, ...extra }), opts.status);
  } catch (err) {
    return handleError(err);
  }
}

/** A route for any signed-in user. */
export function userRoute<S extends z.ZodType>(
  opts: { body?: S; status?: number },
  handler: (ctx: Context<z.infer<S>> & { user: CurrentUser }) => Promise<unknown>,
) {
  return (req: Request, ctx: RouteContext) => run(req, ctx, opts, async () => ({}), handler);
}

/** A route inside /api/w/[slug]/…: the actor must be a member allowed to do `action`. */
export function workspaceRoute<S extends z.ZodType>(
  action: Action,
  opts: { body?: S; status?: number },
  handler: (ctx: Context<z.infer<S>> & { user: CurrentUser; access: Access }) => Promise<unknown>,
) {
  return (req: Request, ctx: RouteContext) =>
    run(req, ctx, opts, async (user, params) => ({ access: await authorize(user.id, params.slug, action) }), handler);
}
