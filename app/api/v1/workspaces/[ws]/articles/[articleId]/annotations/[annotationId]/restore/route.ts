import { restoreAnnotationEndpoint } from "@/lib/api-v1/endpoints/annotations";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: restoreAnnotationEndpoint });
