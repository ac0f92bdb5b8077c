import { previewUrlsEndpoint } from "@/lib/api-v1/endpoints/url-import";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: previewUrlsEndpoint });
