import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { emailSchema } from "@/lib/users/email";
import { dummyPasswordHash, verifyPassword } from "./password";
import { recordSignInAttempt, signInRetryAfterMs } from "./throttle";
import { THROTTLED_PREFIX } from "./throttle-message";

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });


export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const retryAfter = await signInRetryAfterMs(email);
        // next-auth hands a thrown error's message to the sign-in form, which explains the wait.
        if (retryAfter > 0) throw new Error(`${THROTTLED_PREFIX}${Math.ceil(retryAfter / 1000)}`);
        const user = await db.user.findUnique({ where: { email } });
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        await recordSignInAttempt(email, ok && !!user);
        if (!ok || !user) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
