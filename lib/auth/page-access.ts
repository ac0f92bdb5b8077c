import { forbidden, notFound } from "next/navigation";
import { DomainError } from "@/lib/errors";
import { authorize, type Access, type Action } from "./permissions";
import { requireUser } from "./session";

/** For pages: sign-in redirect, then membership (404 when absent) and the action's permission (403). */
export async function requirePageAccess(slug: string, action: Action, returnTo: string): Promise<Access> {
  const user = await requireUser(returnTo);
  try {
    return await authorize(user.id, slug, action);
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) notFound();
    if (err instanceof DomainError && err.status === 403) forbidden();
    throw err;
  }
}
