import { restoreClaim } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

export const POST = workspaceRoute("claim.restore", {}, ({ access, params }) => restoreClaim(access, params.claimId));
