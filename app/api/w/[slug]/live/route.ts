import { workspaceRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { liveQuery, resumeFrom, scopeOf } from "@/lib/live/query";
import { liveStream } from "@/lib/live/stream";
import { sessionUser } from "@/lib/auth/sessions";

/** The page's Server-Sent Events stream of changes (`?article=` / `?claim=`; resumes with Last-Event-ID or `?after=`). */
const get = workspaceRoute("workspace.view", {}, async ({ access, user, req }) => {
  const query = validate(liveQuery, Object.fromEntries(new URL(req.url).searchParams), "query");
  // Signed out everywhere, or the password changed: the session is gone and so is the stream.
  const stillValid = async () => (await sessionUser(user.sessionId, user.id)) !== null;
  return liveStream({ access, scope: scopeOf(query), after: resumeFrom(req, query.after), signal: req.signal, stillValid });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
