import { restoreClaim } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const post = workspaceRoute("claim.restore", {}, ({ access, params }) => restoreClaim(access, params.claimId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
