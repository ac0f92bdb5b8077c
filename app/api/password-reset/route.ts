import { clientAddress } from "@/lib/auth/client-address";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { publicRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { requestPasswordReset, requestResetSchema } from "@/lib/users/password-reset-mail";

/** "Forgot password?": the same 202 whether or not the address has an account. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  // Signed out: the request's language (cookie, then Accept-Language) is the mail's when the account saved none.
  POST: publicRoute({ body: requestResetSchema, status: 202 }, async ({ body, req }) => requestPasswordReset(body, clientAddress(req.headers), new Date(), await localeOfRequest(req, null, null))),
});
