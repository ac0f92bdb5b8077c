import { detachMention, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** The highlight stays; it just stops being a mention. Body { version }. */
const remove = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  detachMention(access, params.claimId, params.annotationId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
