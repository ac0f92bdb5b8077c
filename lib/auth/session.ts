import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { AppLocale } from "@/lib/i18n/locales";
import { authOptions, type ClaimtrailSession } from "./options";
import { REQUEST_PATH_HEADER, safeReturnPath } from "./return-path";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  /** The UI language the person chose (null: follow the browser); absent for callers that build a user themselves. */
  locale?: AppLocale | null;
  /** The Session row this request is signed in with (absent for callers that build a user themselves, e.g. tests). */
  sessionId?: string;
}

/**
 * The signed-in user. The session callback reads the token's Session row joined
 * with its user (one query), so a signed-out session or a deleted account stops working at once.
 * Memoised for the length of one server render (React's cache): the header, the page and the
 * language choice (i18n/request.ts) share that one query. Route handlers get no memo (a fresh call each time).
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as Partial<ClaimtrailSession> | null;
  if (!session?.user?.id || !session.sessionId) return null;
  const { id, email, name, locale } = session.user;
  return { id, email, name, locale: locale ?? null, sessionId: session.sessionId };
});

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back here —
 * to the address asked for, query included (proxy.ts passes it on), else to `returnTo`.
 */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    const asked = safeReturnPath((await headers()).get(REQUEST_PATH_HEADER), "");
    redirect(`/signin?callbackUrl=${encodeURIComponent(asked || returnTo)}`);
  }
  return user;
}
