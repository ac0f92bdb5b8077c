import { removeRelationEndpoint } from "@/lib/api-v1/endpoints/claim-parts";

export const DELETE = removeRelationEndpoint;
