import { clientAddress } from "@/lib/auth/client-address";
import { publicRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { requestPasswordReset, requestResetSchema } from "@/lib/users/password-reset-mail";

/** "Forgot password?": the same 202 whether or not the address has an account. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: publicRoute({ body: requestResetSchema, status: 202 }, ({ body, req }) => requestPasswordReset(body, clientAddress(req.headers))),
});
