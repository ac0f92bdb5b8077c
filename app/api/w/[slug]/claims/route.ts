import { createClaim, createClaimSchema, listClaims } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** Query parameters are the list filters (lib/claims/schemas.ts claimFiltersSchema); comma-separate several values. */
export const GET = workspaceRoute("workspace.view", {}, ({ access, req }) => listClaims(access, Object.fromEntries(new URL(req.url).searchParams)));

export const POST = workspaceRoute("claim.create", { body: createClaimSchema, status: 201 }, ({ access, body }) => createClaim(access, body));
