import { z } from "zod";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH, hashPassword } from "@/lib/auth/password";
import { emailSchema } from "./email";
import { isOneLine } from "@/lib/validation/text";

export const newUserSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Keep the name under 100 characters.")
    .refine(isOneLine, "Write the name on one line, without tabs, control or invisible direction characters."),
  email: emailSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Keep the password under 200 characters."),
});
export type NewUser = z.infer<typeof newUserSchema>;

export async function createUser(input: NewUser) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict("An account with this email already exists.", { email: "An account with this email already exists." });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((err as { code?: string }).code === "P2002") {
      throw conflict("An account with this email already exists.", { email: "An account with this email already exists." });
    }
    throw err;
  }
}
