import { markAsClaimEndpoint } from "@/lib/api-v1/endpoints/mark-as-claim";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: markAsClaimEndpoint });
