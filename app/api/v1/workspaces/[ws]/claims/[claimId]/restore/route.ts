import { restoreClaimEndpoint } from "@/lib/api-v1/endpoints/claims";

export const POST = restoreClaimEndpoint;
