import { listChanges } from "@/lib/live/list-changes";
import { listChangesQuery, liveQuery, resumeFrom, scopeOf } from "@/lib/live/query";
import { liveStream } from "@/lib/live/stream";
import { tokenStillValid } from "../tokens";
import { endpoint } from "../endpoint";
import { changePageSchema } from "../schemas";

export const listChangesEndpoint = endpoint({
  id: "listChanges",
  method: "GET",
  path: "/workspaces/{ws}/changes",
  tag: "Changes",
  summary: "List the workspace's changes after a seq",
  description:
    "The change feed, oldest first: every change has a workspace-wide `seq`, given in commit order with no gaps, so asking again with `after` set to the answer's `seq` never misses or repeats one. " +
    "Changes to members, invites, tokens and settings are listed for admins only. `more: true`: ask again at once.",
  action: "workspace.view",
  query: listChangesQuery,
  responses: { 200: { description: "The changes after `after` that you may see.", schema: changePageSchema } },
  handler: ({ access, query }) => listChanges(access, { after: query.after, limit: query.limit, scope: scopeOf(query) }),
});

export const streamChangesEndpoint = endpoint({
  id: "streamChanges",
  method: "GET",
  path: "/workspaces/{ws}/changes/stream",
  tag: "Changes",
  summary: "Follow the workspace's changes live (Server-Sent Events)",
  description:
    "`text/event-stream`: a `change` event per change (data: a Change as in listChanges, id: its seq), `ready` once caught up (data: the current seq), " +
    "`reset` when `after` is too far behind to replay (start again from listChanges). Resume with `Last-Event-ID` or `after`. " +
    "The server ends a stream after a few minutes; reconnect with the last id (EventSource does this itself).",
  action: "workspace.view",
  query: liveQuery,
  responses: { 200: { description: "The stream.", media: { "text/event-stream": "Server-Sent Events: change, ready and reset." } } },
  handler: ({ access, query, req, token }) =>
    // A revoked token's open stream ends when the revocation reaches it in the feed, and at the
    // next keep-alive check at the latest (a revocation in another workspace's feed).
    liveStream({
      access,
      scope: scopeOf(query),
      after: resumeFrom(req, query.after),
      signal: req.signal,
      stillValid: () => tokenStillValid(token.id),
      endsOn: (c) => c.kind === "token.revoked" && c.subjectId === token.id,
    }),
});
