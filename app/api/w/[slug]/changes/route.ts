import { workspaceRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { listChanges } from "@/lib/live/list-changes";
import { listChangesQuery, scopeOf } from "@/lib/live/query";

/** The live feed for pages where SSE is blocked: poll with `?after=<seq>` (the answer's `seq`). */
const get = workspaceRoute("workspace.view", {}, async ({ access, req }) => {
  const query = validate(listChangesQuery, Object.fromEntries(new URL(req.url).searchParams), "query");
  return listChanges(access, { after: query.after, limit: query.limit, scope: scopeOf(query) });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
