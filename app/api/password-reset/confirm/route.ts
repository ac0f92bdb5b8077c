import { publicRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { confirmPasswordReset, confirmResetSchema } from "@/lib/users/password-reset-mail";

/** Sets a new password with the token from the reset e-mail; every session of the account ends. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: publicRoute({ body: confirmResetSchema }, ({ body }) => confirmPasswordReset(body)),
});
