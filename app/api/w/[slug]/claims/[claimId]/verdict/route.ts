import { setVerdict, setVerdictSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const put = workspaceRoute("claim.edit", { body: setVerdictSchema }, ({ access, params, body }) => setVerdict(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PUT: put });
