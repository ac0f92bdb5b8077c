import { editSourceEndpoint, getSource, removeSourceEndpoint } from "@/lib/api-v1/endpoints/claim-parts";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: getSource, PATCH: editSourceEndpoint, DELETE: removeSourceEndpoint });
