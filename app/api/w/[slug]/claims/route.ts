import { createClaim, createClaimSchema, listClaims } from "@/lib/claims";
import { CLAIM_FILTER_PARAMS } from "@/lib/claims/schemas";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** Query parameters are the list filters (lib/claims/schemas.ts claimFiltersSchema); comma-separate several values; any other is a 400 naming it. */
const get = workspaceRoute("workspace.view", { query: { accepted: CLAIM_FILTER_PARAMS } }, ({ access, req }) => listClaims(access, Object.fromEntries(new URL(req.url).searchParams)));

const post = workspaceRoute("claim.create", { body: createClaimSchema, status: 201 }, ({ access, body }) => createClaim(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
