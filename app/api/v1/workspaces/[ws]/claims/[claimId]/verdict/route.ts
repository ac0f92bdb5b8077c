import { setVerdictEndpoint } from "@/lib/api-v1/endpoints/claims";

export const PUT = setVerdictEndpoint;
