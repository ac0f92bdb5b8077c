import { z } from "zod";
import { addRelation, addRelationSchema, addSource, addSourceSchema, attachMention, editSource, editSourceSchema, detachMention, mentionSchema as attachSchema, removeRelation, removeSource, versionSchema, type ClaimDetail } from "@/lib/claims";
import { CLAIM_EVENT_KINDS } from "@/lib/claims/claim-dto";
import { listClaimMentions, listClaimRelations, listClaimSources } from "@/lib/claims/list-claim-parts";
import { listClaimHistory } from "@/lib/claims/list-claim-history";
import { listClaimEvents } from "@/lib/claims/list-events";
import { notFound } from "@/lib/errors";
import { endpoint } from "../endpoint";
import { decodeDateCursor, pageFrom, pageQuery } from "../pagination";
import { claimSchema, eventSchema, mentionSchema, pageOf, relationSchema, sourceSchema } from "../schemas";
import { liveClaim } from "./claims";

/**
 * A claim's mentions, sources and relations. Changes name the claim's version
 * (If-Match or `version`) and answer the claim with its new version.
 */
const VERSIONED = "Send the claim's version (If-Match or `version`); a stale one is 409. Answers the claim with its new version.";
const etag = (headers: Headers, claim: ClaimDetail) => {
  headers.set("etag", `"${claim.version}"`);
  return claim;
};
const listQuery = z.object(pageQuery);

export const listMentions = endpoint({
  id: "listMentions",
  method: "GET",
  path: "/workspaces/{ws}/claims/{claimId}/mentions",
  tag: "Mentions",
  summary: "List a claim's mentions",
  description: "The highlights, in any article, that are mentions of this claim, with their context.",
  action: "workspace.view",
  query: listQuery,
  responses: { 200: { description: "A page of mentions.", schema: pageOf(mentionSchema, "MentionPage") } },
  handler: ({ access, params, query }) => listClaimMentions(access, params.claimId, query),
});

export const attachMentionEndpoint = endpoint({
  id: "attachMention",
  method: "POST",
  path: "/workspaces/{ws}/claims/{claimId}/mentions",
  tag: "Mentions",
  summary: "Attach a highlight as a mention",
  description: `The annotation must not already be a mention of a claim (409). ${VERSIONED}`,
  action: "claim.edit",
  body: attachSchema,
  versioned: true,
  status: 201,
  responses: { 201: { description: "The claim with the new mention.", schema: claimSchema } },
  example: { annotationId: "cm3…", version: 2 },
  handler: async ({ access, params, body, headers }) => etag(headers, await attachMention(access, params.claimId, body)),
});

export const detachMentionEndpoint = endpoint({
  id: "detachMention",
  method: "DELETE",
  path: "/workspaces/{ws}/claims/{claimId}/mentions/{annotationId}",
  tag: "Mentions",
  summary: "Detach a mention",
  description: `The highlight stays; it stops being a mention. ${VERSIONED}`,
  action: "claim.edit",
  body: versionSchema,
  versioned: true,
  responses: { 200: { description: "The claim without the mention.", schema: claimSchema } },
  handler: async ({ access, params, body, headers }) => etag(headers, await detachMention(access, params.claimId, params.annotationId, body)),
});

export const listSources = endpoint({
  id: "listSources",
  method: "GET",
  path: "/workspaces/{ws}/claims/{claimId}/sources",
  tag: "Sources",
  summary: "List a claim's sources",
  action: "workspace.view",
  query: z.object({ stance: z.enum(["supports", "refutes", "context"]).optional().meta({ description: "Only sources with this stance." }), ...pageQuery }),
  responses: { 200: { description: "A page of sources, oldest first.", schema: pageOf(sourceSchema, "SourcePage") } },
  handler: ({ access, params, query }) => listClaimSources(access, params.claimId, query),
});

export const getSource = endpoint({
  id: "getSource",
  method: "GET",
  path: "/workspaces/{ws}/claims/{claimId}/sources/{sourceId}",
  tag: "Sources",
  summary: "Get a source",
  action: "workspace.view",
  responses: { 200: { description: "The source.", schema: sourceSchema } },
  handler: async ({ access, params }) => {
    const source = (await liveClaim(access, params.claimId)).sources.find((s) => s.id === params.sourceId);
    if (!source) throw notFound("Source not found");
    return source;
  },
});

export const addSourceEndpoint = endpoint({
  id: "addSource",
  method: "POST",
  path: "/workspaces/{ws}/claims/{claimId}/sources",
  tag: "Sources",
  summary: "Add a source",
  description: VERSIONED,
  action: "claim.edit",
  body: addSourceSchema,
  versioned: true,
  status: 201,
  responses: { 201: { description: "The claim with the new source.", schema: claimSchema } },
  example: { version: 2, title: "Traffic count 2024", url: "https://example.org/count", kind: "dataset", stance: "refutes" },
  handler: async ({ access, params, body, headers }) => etag(headers, await addSource(access, params.claimId, body)),
});

export const editSourceEndpoint = endpoint({
  id: "editSource",
  method: "PATCH",
  path: "/workspaces/{ws}/claims/{claimId}/sources/{sourceId}",
  tag: "Sources",
  summary: "Edit a source",
  description: `Send the fields to change (null or "" clears an optional one); the rest stay. Recorded as one \`source-edited\` event. ${VERSIONED}`,
  action: "claim.edit",
  body: editSourceSchema,
  versioned: true,
  responses: { 200: { description: "The claim with the edited source.", schema: claimSchema } },
  example: { version: 3, url: "https://example.org/count-2024", stance: "context" },
  handler: async ({ access, params, body, headers }) => etag(headers, await editSource(access, params.claimId, params.sourceId, body)),
});

export const removeSourceEndpoint = endpoint({
  id: "removeSource",
  method: "DELETE",
  path: "/workspaces/{ws}/claims/{claimId}/sources/{sourceId}",
  tag: "Sources",
  summary: "Remove a source",
  description: `An approved claim keeps at least one source (409). ${VERSIONED}`,
  action: "claim.edit",
  body: versionSchema,
  versioned: true,
  responses: { 200: { description: "The claim without the source.", schema: claimSchema } },
  handler: async ({ access, params, body, headers }) => etag(headers, await removeSource(access, params.claimId, params.sourceId, body)),
});

export const listRelations = endpoint({
  id: "listRelations",
  method: "GET",
  path: "/workspaces/{ws}/claims/{claimId}/relations",
  tag: "Relations",
  summary: "List a claim's relations",
  description: "Both directions: `outgoing` (this claim <type> other) and `incoming`.",
  action: "workspace.view",
  query: z.object({ direction: z.enum(["outgoing", "incoming"]).optional(), ...pageQuery }),
  responses: { 200: { description: "A page of relations.", schema: pageOf(relationSchema, "RelationPage") } },
  handler: ({ access, params, query }) => listClaimRelations(access, params.claimId, query),
});

export const addRelationEndpoint = endpoint({
  id: "addRelation",
  method: "POST",
  path: "/workspaces/{ws}/claims/{claimId}/relations",
  tag: "Relations",
  summary: "Relate this claim to another",
  description: `This claim <type> claim \`toId\`. The same relation twice is 409. ${VERSIONED}`,
  action: "claim.edit",
  body: addRelationSchema,
  versioned: true,
  status: 201,
  responses: { 201: { description: "The claim with the new relation.", schema: claimSchema } },
  example: { version: 3, toId: "cm3…", type: "contradicts" },
  handler: async ({ access, params, body, headers }) => etag(headers, await addRelation(access, params.claimId, body)),
});

export const removeRelationEndpoint = endpoint({
  id: "removeRelation",
  method: "DELETE",
  path: "/workspaces/{ws}/claims/{claimId}/relations/{relationId}",
  tag: "Relations",
  summary: "Remove a relation",
  description: `From either end. ${VERSIONED}`,
  action: "claim.edit",
  body: versionSchema,
  versioned: true,
  responses: { 200: { description: "The claim without the relation.", schema: claimSchema } },
  handler: async ({ access, params, body, headers }) => etag(headers, await removeRelation(access, params.claimId, params.relationId, body)),
});

export const listClaimHistoryEndpoint = endpoint({
  id: "listClaimHistory",
  method: "GET",
  path: "/workspaces/{ws}/claims/{claimId}/history",
  tag: "Events",
  summary: "List a claim's history",
  description: "The claim's events and those of claims merged into it, newest first. A claim carries the newest 50 as `events`; its `eventsNextCursor` continues here.",
  action: "workspace.view",
  query: listQuery,
  responses: { 200: { description: "A page of events.", schema: pageOf(eventSchema, "ClaimHistoryPage") } },
  handler: ({ access, params, query }) => listClaimHistory(access, params.claimId, query),
});

export const listEvents = endpoint({
  id: "listEvents",
  method: "GET",
  path: "/workspaces/{ws}/events",
  tag: "Events",
  summary: "List claim events",
  description: "The workspace's append-only claim history, newest first. Read-only.",
  action: "workspace.view",
  query: z.object({
    claimId: z.string().trim().min(1).max(64).optional().meta({ description: "Only this claim's events." }),
    kind: z.enum(CLAIM_EVENT_KINDS, { error: `Kinds are ${CLAIM_EVENT_KINDS.join(", ")}.` }).optional(),
    since: z.iso.datetime({ offset: true, error: "Use an ISO date-time like 2024-05-01T00:00:00Z." }).optional().meta({ description: "Only events at or after this time." }),
    ...pageQuery,
  }),
  responses: { 200: { description: "A page of events.", schema: pageOf(eventSchema, "EventPage") } },
  handler: async ({ access, query }) => {
    const rows = await listClaimEvents(access, {
      claimId: query.claimId,
      kind: query.kind,
      since: query.since ? new Date(query.since) : undefined,
      before: query.cursor ? decodeDateCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    return pageFrom(
      rows,
      query.limit,
      (r) => ({ key: r.createdAt.toISOString(), id: r.id }),
      (r) => ({ ...r, createdAt: r.createdAt.toISOString() }),
    );
  },
});
