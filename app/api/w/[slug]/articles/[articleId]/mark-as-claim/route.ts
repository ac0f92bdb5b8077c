import { markAsClaim, markAsClaimSchema } from "@/lib/claims/mark-as-claim";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** The reader's "Mark as claim": highlight, claim (new or existing) and suggestion feedback in one request and one transaction. */
const post = workspaceRoute("annotation.create", { body: markAsClaimSchema, status: 201 }, ({ access, params, body }) => markAsClaim(access, params.articleId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
