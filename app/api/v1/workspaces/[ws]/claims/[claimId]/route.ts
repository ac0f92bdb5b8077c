import { deleteClaimEndpoint, getClaimEndpoint, updateClaimEndpoint } from "@/lib/api-v1/endpoints/claims";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: getClaimEndpoint, PATCH: updateClaimEndpoint, DELETE: deleteClaimEndpoint });
