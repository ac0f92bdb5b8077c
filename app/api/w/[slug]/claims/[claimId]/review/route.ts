import { reviewClaim, reviewActionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** { action: submit | approve | send-back | reopen, note?, version }; only submit is open to annotators (the domain checks the rest). */
const post = workspaceRoute("claim.edit", { body: reviewActionSchema }, ({ access, params, body }) => reviewClaim(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
