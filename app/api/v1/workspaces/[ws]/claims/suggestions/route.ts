import { suggestClaimsByBodyEndpoint, suggestClaimsEndpoint } from "@/lib/api-v1/endpoints/suggestions";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: suggestClaimsEndpoint, POST: suggestClaimsByBodyEndpoint });
