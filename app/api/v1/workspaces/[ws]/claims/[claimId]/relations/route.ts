import { addRelationEndpoint, listRelations } from "@/lib/api-v1/endpoints/claim-parts";

export const GET = listRelations;
export const POST = addRelationEndpoint;
