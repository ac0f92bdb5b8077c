import {
  claimFiltersSchema,
  createClaim,
  createClaimSchema,
  deleteClaim,
  getClaim,
  listClaims,
  mergeClaims,
  mergeClaimsSchema,
  restoreClaim,
  reviewActionSchema,
  reviewClaim,
  setVerdict,
  setVerdictSchema,
  updateClaim,
  updateClaimSchema,
  versionSchema,
  type ClaimDetail,
} from "@/lib/claims";
import type { Access } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { endpoint } from "../endpoint";
import { claimSchema, claimSummarySchema, deletedClaimSchema, mergedRedirectSchema, pageOf } from "../schemas";

const claimUrl = (ws: string, id: string) => `/api/v1/workspaces/${ws}/claims/${id}`;

/** The claim, or 404 when it was merged into another (mutations name the survivor in their 409). */
export async function liveClaim(access: Access, claimId: string): Promise<ClaimDetail> {
  const result = await getClaim(access, claimId);
  if ("redirectTo" in result) throw notFound("Claim not found: it was merged into another claim.");
  return result;
}

/** Every claim answer carries its version as ETag, for the next If-Match. */
function withEtag(headers: Headers) {
  return <T extends { version: number }>(claim: T): T => {
    headers.set("etag", `"${claim.version}"`);
    return claim;
  };
}

const VERSIONED = "Send the version you based the change on, as `If-Match` or `version` in the body; a stale one is 409 with `currentVersion` and the changes since.";

export const listClaimsEndpoint = endpoint({
  id: "listClaims",
  method: "GET",
  path: "/workspaces/{ws}/claims",
  tag: "Claims",
  summary: "List claims",
  description: "Filtered and sorted on the server; comma-separate several values. Merged claims never appear; deleted ones only for admins with `deleted=true`.",
  action: "workspace.view",
  query: claimFiltersSchema,
  responses: { 200: { description: "A page of claims.", schema: pageOf(claimSummarySchema, "ClaimPage") } },
  // API v1's pages are { items, nextCursor } (its OpenAPI document); the list's Previous page is the app's own.
  handler: async ({ access, req }) => {
    const { items, nextCursor } = await listClaims(access, Object.fromEntries(new URL(req.url).searchParams));
    return { items, nextCursor };
  },
});

export const createClaimEndpoint = endpoint({
  id: "createClaim",
  method: "POST",
  path: "/workspaces/{ws}/claims",
  tag: "Claims",
  summary: "Create a claim from a highlight",
  description: "The highlight (annotation) becomes the claim's first mention; the statement defaults to its text.",
  action: "claim.create",
  body: createClaimSchema,
  status: 201,
  responses: { 201: { description: "Created.", schema: claimSchema, headers: { Location: "The claim's URL." } }, 409: { description: "The highlight is already a mention of a claim." } },
  example: { annotationId: "cm3…", claimant: "Council leader", tags: ["transport"] },
  handler: async ({ access, body, params, headers }) => {
    const claim = await createClaim(access, body);
    headers.set("location", claimUrl(params.ws, claim.id));
    return withEtag(headers)(claim);
  },
});

export const getClaimEndpoint = endpoint({
  id: "getClaim",
  method: "GET",
  path: "/workspaces/{ws}/claims/{claimId}",
  tag: "Claims",
  summary: "Get a claim",
  description: "Facts, mentions, sources, relations, history and comments. A claim merged into another answers 301 to the surviving claim.",
  action: "workspace.view",
  responses: {
    200: { description: "The claim; `ETag` is its version.", schema: claimSchema },
    301: { description: "Merged into another claim; `Location` is that claim.", schema: mergedRedirectSchema, headers: { Location: "The surviving claim." } },
  },
  handler: async ({ access, params, headers }) => {
    const result = await getClaim(access, params.claimId);
    if ("redirectTo" in result) {
      return Response.json({ mergedIntoId: result.redirectTo }, { status: 301, headers: { location: claimUrl(params.ws, result.redirectTo) } });
    }
    return withEtag(headers)(result);
  },
});

export const updateClaimEndpoint = endpoint({
  id: "updateClaim",
  method: "PATCH",
  path: "/workspaces/{ws}/claims/{claimId}",
  tag: "Claims",
  summary: "Edit a claim",
  description: `Statement, claimant, date, tags, assignee; omitted fields stay. ${VERSIONED}`,
  action: "claim.edit",
  body: updateClaimSchema,
  versioned: true,
  responses: { 200: { description: "The claim after the change.", schema: claimSchema } },
  example: { version: 3, claimant: "Council leader", tags: ["transport", "traffic"] },
  handler: async ({ access, params, body, headers }) => withEtag(headers)(await updateClaim(access, params.claimId, body)),
});

export const deleteClaimEndpoint = endpoint({
  id: "deleteClaim",
  method: "DELETE",
  path: "/workspaces/{ws}/claims/{claimId}",
  tag: "Claims",
  summary: "Delete a claim",
  description: `Soft delete (reviewers and admins); admins can restore. Its mentions become plain highlights. ${VERSIONED}`,
  action: "claim.delete",
  body: versionSchema,
  versioned: true,
  responses: { 200: { description: "Deleted.", schema: deletedClaimSchema } },
  handler: ({ access, params, body }) => deleteClaim(access, params.claimId, body),
});

export const restoreClaimEndpoint = endpoint({
  id: "restoreClaim",
  method: "POST",
  path: "/workspaces/{ws}/claims/{claimId}/restore",
  tag: "Claims",
  summary: "Restore a deleted claim",
  description: "Admins only. Former mentions that are still free are re-attached.",
  action: "claim.restore",
  responses: { 200: { description: "The restored claim.", schema: claimSchema } },
  handler: async ({ access, params, headers }) => withEtag(headers)(await restoreClaim(access, params.claimId)),
});

export const reviewClaimEndpoint = endpoint({
  id: "reviewClaim",
  method: "POST",
  path: "/workspaces/{ws}/claims/{claimId}/review",
  tag: "Claims",
  summary: "Change the review state",
  description:
    "`submit` (annotators and up: unreviewed → in-review), `approve` (reviewers: needs a verdict, an explanation and a source), `send-back` (reviewers, with a note) or `reopen` (reviewers: approved → in-review). " +
    VERSIONED,
  action: "claim.edit",
  body: reviewActionSchema,
  versioned: true,
  responses: { 200: { description: "The claim in its new state.", schema: claimSchema } },
  example: { action: "submit", version: 4 },
  handler: async ({ access, params, body, headers }) => withEtag(headers)(await reviewClaim(access, params.claimId, body)),
});

export const setVerdictEndpoint = endpoint({
  id: "setVerdict",
  method: "PUT",
  path: "/workspaces/{ws}/claims/{claimId}/verdict",
  tag: "Claims",
  summary: "Set the verdict",
  description: `The verdict (or null) and its explanation as a rich-text document (omit to keep, null to clear). ${VERSIONED}`,
  action: "claim.edit",
  body: setVerdictSchema,
  versioned: true,
  responses: { 200: { description: "The claim with its verdict.", schema: claimSchema } },
  example: {
    version: 2,
    verdict: "mostly-false",
    explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Traffic counts show 31,000 vehicles a day." }] }] },
  },
  handler: async ({ access, params, body, headers }) => withEtag(headers)(await setVerdict(access, params.claimId, body)),
});

export const mergeClaimEndpoint = endpoint({
  id: "mergeClaims",
  method: "POST",
  path: "/workspaces/{ws}/claims/{claimId}/merge",
  tag: "Claims",
  summary: "Merge a duplicate into this claim",
  description: `Claim \`from\` is merged into this one: its mentions, sources, relations, comments and tags move here; its URL then answers 301. Reviewers and admins. ${VERSIONED} (this claim's version)`,
  action: "claim.merge",
  body: mergeClaimsSchema,
  versioned: true,
  responses: { 200: { description: "The surviving claim.", schema: claimSchema } },
  example: { from: "cm3…", version: 5 },
  handler: async ({ access, params, body, headers }) => withEtag(headers)(await mergeClaims(access, params.claimId, body)),
});
