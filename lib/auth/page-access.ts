import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { DomainError } from "@/lib/errors";
import { accessFor, findMembership, type Access, type Action } from "./permissions";
import { requireUser } from "./session";

/**
 * The workspace layout and its page both ask for access while rendering one request; React's
 * `cache` gives them one membership read. It lives for that request only (never across
 * requests or users), so a role change or removal counts from the next request on.
 */
const requestMembership = cache(findMembership);

/** For pages: sign-in redirect, then membership (404 when absent) and the action's permission (403). */
export async function requirePageAccess(slug: string, action: Action, returnTo: string): Promise<Access> {
  const user = await requireUser(returnTo);
  try {
    return accessFor(user.id, await requestMembership(user.id, slug), action);
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) notFound();
    if (err instanceof DomainError && err.status === 403) forbidden();
    throw err;
  }
}
