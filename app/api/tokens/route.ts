import { createApiToken, listApiTokens, newTokenSchema } from "@/lib/api-v1/tokens";
import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** The signed-in user's API tokens (cookie-authenticated, for the settings page). */
const get = userRoute({}, ({ user }) => listApiTokens(user.id));

/** Creates a token; the answer holds the token itself, shown this once. */
const post = userRoute({ body: newTokenSchema, status: 201 }, ({ user, body }) => createApiToken(user.id, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
