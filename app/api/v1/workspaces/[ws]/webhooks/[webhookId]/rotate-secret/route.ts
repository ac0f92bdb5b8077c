import { rotateWebhookSecretEndpoint } from "@/lib/api-v1/endpoints/webhooks";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: rotateWebhookSecretEndpoint });
