import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/locales";
import { emailSchema } from "@/lib/users/email";
import { clientAddress } from "./client-address";
import { dummyPasswordHash, verifyPassword } from "./password";
import { safeRedirectUrl } from "./return-path";
import { SESSION_MAX_AGE_S, createSession, endSession, sessionUser } from "./sessions";
import { reserveSignInAttempt, settleSignInAttempt } from "./throttle";
import { THROTTLED_PREFIX } from "./throttle-message";

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

/** What the session callback hands to getServerSession (and /api/auth/session). */
export interface ClaimtrailSession extends Session {
  user: { id: string; email: string; name: string; locale: AppLocale | null };
  sessionId: string;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        // The attempt is reserved (and counted) before the password is checked, so a burst can't outrun the count.
        const reservation = await reserveSignInAttempt(email, clientAddress(req?.headers));
        // next-auth hands a thrown error's message to the sign-in form, which explains the wait.
        if (!reservation.allowed) throw new Error(`${THROTTLED_PREFIX}${Math.ceil(reservation.retryAfterMs / 1000)}`);
        const user = await db.user.findUnique({ where: { email } });
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        await settleSignInAttempt(reservation.attemptId, ok && !!user);
        if (!ok || !user) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only at sign-in: the token gets the id of a new Session row, which sign-out deletes.
      if (user) {
        token.sub = user.id;
        token.sid = (await createSession(user.id)).id;
      }
      return token;
    },
    async session({ session, token }) {
      // A token whose Session row is gone (signed out, signed out everywhere, password changed) is no session:
      // an empty object is what getServerSession and the client treat as signed out.
      const user = await sessionUser(token.sid, token.sub);
      if (!user) return {} as Session;
      return { ...session, user, sessionId: token.sid as string } satisfies ClaimtrailSession;
    },
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sid);
    },
  },
};
