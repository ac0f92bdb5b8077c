import { setVerdict, setVerdictSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

export const PUT = workspaceRoute("claim.edit", { body: setVerdictSchema }, ({ access, params, body }) => setVerdict(access, params.claimId, body));
