import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { getLocaleChoice, localeChoiceSchema, setLocaleChoice } from "@/lib/users/locale";

/** The signed-in person's UI language: en / ru / uk, or null to follow the browser. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: userRoute({}, ({ user }) => getLocaleChoice(user.id)),
  PUT: userRoute({ body: localeChoiceSchema }, ({ user, body }) => setLocaleChoice(user.id, body)),
});
