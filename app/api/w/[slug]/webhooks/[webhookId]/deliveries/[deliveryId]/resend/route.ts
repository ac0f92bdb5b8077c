import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { resendDelivery } from "@/lib/webhooks";

const post = workspaceRoute("workspace.update", { status: 201 }, ({ access, params }) => resendDelivery(access, params.webhookId, params.deliveryId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
