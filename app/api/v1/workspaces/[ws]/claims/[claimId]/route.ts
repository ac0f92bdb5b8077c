import { deleteClaimEndpoint, getClaimEndpoint, updateClaimEndpoint } from "@/lib/api-v1/endpoints/claims";

export const GET = getClaimEndpoint;
export const PATCH = updateClaimEndpoint;
export const DELETE = deleteClaimEndpoint;
