import { revokeApiToken } from "@/lib/api-v1/tokens";
import { userRoute } from "@/lib/http/handler";

export const DELETE = userRoute({}, ({ user, params }) => revokeApiToken(user.id, params.tokenId));
