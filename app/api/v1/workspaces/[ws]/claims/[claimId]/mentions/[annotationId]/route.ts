import { detachMentionEndpoint } from "@/lib/api-v1/endpoints/claim-parts";

export const DELETE = detachMentionEndpoint;
