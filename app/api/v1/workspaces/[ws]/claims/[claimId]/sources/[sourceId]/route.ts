import { getSource, removeSourceEndpoint } from "@/lib/api-v1/endpoints/claim-parts";

export const GET = getSource;
export const DELETE = removeSourceEndpoint;
