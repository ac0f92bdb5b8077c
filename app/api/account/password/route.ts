import { clientAddress } from "@/lib/auth/client-address";
import { userRoute } from "@/lib/http/handler";
import { changePassword, changePasswordSchema } from "@/lib/users/change-password";

/** Changes the signed-in user's password; their other sessions end. */
export const POST = userRoute({ body: changePasswordSchema }, ({ user, body, req }) => changePassword(user, body, clientAddress(req.headers)));
