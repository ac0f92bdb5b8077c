import { createApiToken, listApiTokens, newTokenSchema } from "@/lib/api-v1/tokens";
import { userRoute } from "@/lib/http/handler";
import { secretJson } from "@/lib/http/security-headers";

/** The signed-in user's API tokens (cookie-authenticated, for the settings page). */
export const GET = userRoute({}, ({ user }) => listApiTokens(user.id));

/** Creates a token; the answer holds the token itself, shown this once. */
export const POST = userRoute({ body: newTokenSchema }, async ({ user, body }) => secretJson(await createApiToken(user.id, body), 201));
