import { listClaimHistory } from "@/lib/claims/list-claim-history";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** The claim page's "Show older history": `?cursor=` from the claim's eventsNextCursor or the previous page. */
const get = workspaceRoute("workspace.view", {}, ({ access, params, req }) =>
  listClaimHistory(access, params.claimId, { cursor: new URL(req.url).searchParams.get("cursor") ?? undefined }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
