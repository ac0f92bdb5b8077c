import { listClaimHistoryEndpoint } from "@/lib/api-v1/endpoints/claim-parts";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: listClaimHistoryEndpoint });
