import { attachMentionEndpoint, listMentions } from "@/lib/api-v1/endpoints/claim-parts";

export const GET = listMentions;
export const POST = attachMentionEndpoint;
