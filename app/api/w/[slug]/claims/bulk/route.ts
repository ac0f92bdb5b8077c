import { bulkAction, bulkSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** { action: "assign", claimIds, assigneeId } | { action: "submit", claimIds } → { updated, skipped: [{ id, reason }] }. */
const post = workspaceRoute("claim.edit", { body: bulkSchema }, ({ access, body }) => bulkAction(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
