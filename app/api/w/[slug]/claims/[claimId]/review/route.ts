import { reviewClaim, reviewActionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** { action: submit | approve | send-back | reopen, note?, version }; only submit is open to annotators (the domain checks the rest). */
export const POST = workspaceRoute("claim.edit", { body: reviewActionSchema }, ({ access, params, body }) => reviewClaim(access, params.claimId, body));
