import { listChangesEndpoint } from "@/lib/api-v1/endpoints/changes";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: listChangesEndpoint });
