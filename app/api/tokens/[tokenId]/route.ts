import { revokeApiToken } from "@/lib/api-v1/tokens";
import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const remove = userRoute({}, ({ user, params }) => revokeApiToken(user.id, params.tokenId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
