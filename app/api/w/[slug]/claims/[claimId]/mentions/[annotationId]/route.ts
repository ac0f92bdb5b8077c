import { detachMention, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** The highlight stays; it just stops being a mention. Body { version }. */
export const DELETE = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  detachMention(access, params.claimId, params.annotationId, body),
);
