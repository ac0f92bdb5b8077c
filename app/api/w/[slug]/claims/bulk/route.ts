import { bulkAction, bulkSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** { action: "assign", claimIds, assigneeId } | { action: "submit", claimIds } → { updated, skipped: [{ id, reason }] }. */
export const POST = workspaceRoute("claim.edit", { body: bulkSchema }, ({ access, body }) => bulkAction(access, body));
