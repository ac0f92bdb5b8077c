import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions, type ClaimtrailSession } from "./options";
import { REQUEST_PATH_HEADER, safeReturnPath } from "./return-path";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  /** The Session row this request is signed in with (absent for callers that build a user themselves, e.g. tests). */
  sessionId?: string;
}

/**
 * The signed-in user. The session callback reads the token's Session row joined
 * with its user (one query), so a signed-out session or a deleted account stops working at once.
 * While server components render one request (a layout and its page both ask), React's `cache`
 * makes that one token check and one query; it lives for that request only. Elsewhere (route
 * handlers) `cache` doesn't memoize and every call checks again.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as Partial<ClaimtrailSession> | null;
  if (!session?.user?.id || !session.sessionId) return null;
  const { id, email, name } = session.user;
  return { id, email, name, sessionId: session.sessionId };
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
