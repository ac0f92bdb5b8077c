import { importAnnotationsEndpoint } from "@/lib/api-v1/endpoints/annotation-import";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: importAnnotationsEndpoint });
