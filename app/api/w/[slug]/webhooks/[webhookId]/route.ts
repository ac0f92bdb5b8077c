import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { deleteWebhook, updateWebhook, webhookEditSchema } from "@/lib/webhooks";

const patch = workspaceRoute("workspace.update", { body: webhookEditSchema }, ({ access, params, body }) => updateWebhook(access, params.webhookId, body));
const remove = workspaceRoute("workspace.update", {}, ({ access, params }) => deleteWebhook(access, params.webhookId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: remove });
