import { attachMention, mentionSchema } from "@/lib/claims";
import { listClaimMentions } from "@/lib/claims/list-claim-parts";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** The claim page's "Show more mentions": `?cursor=` from the claim's mentionsNextCursor or the previous page. */
const get = workspaceRoute("workspace.view", {}, ({ access, params, req }) =>
  listClaimMentions(access, params.claimId, { limit: 50, cursor: new URL(req.url).searchParams.get("cursor") ?? undefined }),
);
const post = workspaceRoute("claim.edit", { body: mentionSchema, status: 201 }, ({ access, params, body }) => attachMention(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
