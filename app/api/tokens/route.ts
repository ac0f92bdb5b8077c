import { createApiToken, listApiTokens, newTokenSchema } from "@/lib/api-v1/tokens";
import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { secretJson } from "@/lib/http/security-headers";

/** The signed-in user's API tokens (cookie-authenticated, for the settings page). */
const get = userRoute({}, ({ user }) => listApiTokens(user.id));

/** Creates a token; the answer holds the token itself, shown this once (so it is never cached). */
const post = userRoute({ body: newTokenSchema }, async ({ user, body }) => secretJson(await createApiToken(user.id, body), 201));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
