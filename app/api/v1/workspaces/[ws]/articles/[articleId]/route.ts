import { getArticleEndpoint, updateArticleEndpoint } from "@/lib/api-v1/endpoints/articles";

export const GET = getArticleEndpoint;
export const PATCH = updateArticleEndpoint;
