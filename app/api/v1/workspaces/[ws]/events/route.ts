import { listEvents } from "@/lib/api-v1/endpoints/claim-parts";

export const GET = listEvents;
