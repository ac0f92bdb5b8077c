import { z } from "zod";
import { db } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";

const EMAIL_TAKEN = said("email_taken", "An account with this email already exists.");
import { MIN_PASSWORD_LENGTH, hashPassword } from "@/lib/auth/password";
import { emailSchema } from "./email";
import { isOneLine } from "@/lib/validation/text";

export const newUserSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Keep the name under 100 characters.")
    .refine(isOneLine, { message: "Write the name on one line, without tabs, control or invisible direction characters.", params: { code: "one_line" } }),
  email: emailSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Keep the password under 200 characters."),
});
export type NewUser = z.infer<typeof newUserSchema>;

export async function createUser(input: NewUser) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((err as { code?: string }).code === "P2002") {
      throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
    }
    throw err;
  }
}
