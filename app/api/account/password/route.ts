import { clientAddress } from "@/lib/auth/client-address";
import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { changePassword, changePasswordSchema } from "@/lib/users/change-password";

/** Changes the signed-in user's password; their other sessions end. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: userRoute({ body: changePasswordSchema }, ({ user, body, req }) => changePassword(user, body, clientAddress(req.headers))),
});
