import { mergeClaimEndpoint } from "@/lib/api-v1/endpoints/claims";

export const POST = mergeClaimEndpoint;
