import { addSourceEndpoint, listSources } from "@/lib/api-v1/endpoints/claim-parts";

export const GET = listSources;
export const POST = addSourceEndpoint;
