import { DomainError } from "@/lib/errors";
import { fieldErrors, problem } from "@/lib/http/problem";
import { SIGN_UP_ANSWER, signUp, signUpSchema } from "@/lib/users/sign-up";

/**
 * Sign-up. Every valid request gets the same 202 and body, whether it created
 * an account or the email already had one (see lib/users/sign-up.ts).
 */
export async function POST(req: Request) {
  const parsed = signUpSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return problem(400, "Some fields are invalid.", fieldErrors(parsed.error));
  try {
    await signUp(parsed.data);
    return Response.json(SIGN_UP_ANSWER, { status: 202 });
  } catch (err) {
    if (err instanceof DomainError) return problem(err.status, err.message, err.fields);
    throw err;
  }
}
