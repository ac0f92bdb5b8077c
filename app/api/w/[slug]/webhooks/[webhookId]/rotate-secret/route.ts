import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { rotateWebhookSecret } from "@/lib/webhooks";

/** A new signing secret, shown once in the answer; the old one stops signing. */
const post = workspaceRoute("workspace.update", {}, ({ access, params }) => rotateWebhookSecret(access, params.webhookId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
