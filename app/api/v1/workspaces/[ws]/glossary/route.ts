import { createGlossaryPairEndpoint, listGlossaryEndpoint } from "@/lib/api-v1/endpoints/glossary";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: listGlossaryEndpoint, POST: createGlossaryPairEndpoint });
