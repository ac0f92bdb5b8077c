import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { createWebhook, listWebhooks, newWebhookSchema } from "@/lib/webhooks";

const get = workspaceRoute("workspace.update", {}, ({ access }) => listWebhooks(access));
const post = workspaceRoute("workspace.update", { body: newWebhookSchema, status: 201 }, ({ access, body }) => createWebhook(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
