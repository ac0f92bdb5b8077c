import { getArticleEndpoint, updateArticleEndpoint } from "@/lib/api-v1/endpoints/articles";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: getArticleEndpoint, PATCH: updateArticleEndpoint });
