import { workspaceRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { liveQuery, resumeFrom, scopeOf } from "@/lib/live/query";
import { liveStream } from "@/lib/live/stream";

/** The page's Server-Sent Events stream of changes (`?article=` / `?claim=`; resumes with Last-Event-ID or `?after=`). */
const get = workspaceRoute("workspace.view", {}, async ({ access, req }) => {
  const query = validate(liveQuery, Object.fromEntries(new URL(req.url).searchParams), "query");
  return liveStream({ access, scope: scopeOf(query), after: resumeFrom(req, query.after), signal: req.signal });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
