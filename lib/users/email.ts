import { z } from "zod";

/** Emails are case-insensitive: this is the one place they are normalised. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());
