import { reviewClaimEndpoint } from "@/lib/api-v1/endpoints/claims";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: reviewClaimEndpoint });
