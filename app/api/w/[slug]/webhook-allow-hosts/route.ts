import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { allowHostsSchema, setWebhookAllowHosts } from "@/lib/webhooks";

const put = workspaceRoute("workspace.update", { body: allowHostsSchema }, ({ access, body }) => setWebhookAllowHosts(access, body.hosts));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PUT: put });
