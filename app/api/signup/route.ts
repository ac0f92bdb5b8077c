import { publicRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { SIGN_UP_ANSWER, signUp, signUpSchema } from "@/lib/users/sign-up";

/**
 * Sign-up. Every valid request gets the same 202 and body, whether it created
 * an account or the email already had one (see lib/users/sign-up.ts).
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: publicRoute({ body: signUpSchema, status: 202 }, async ({ body }) => {
    await signUp(body);
    return SIGN_UP_ANSWER;
  }),
});
