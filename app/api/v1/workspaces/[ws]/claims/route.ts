import { createClaimEndpoint, listClaimsEndpoint } from "@/lib/api-v1/endpoints/claims";

export const GET = listClaimsEndpoint;
export const POST = createClaimEndpoint;
