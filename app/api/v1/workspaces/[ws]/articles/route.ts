import { createArticle, listArticles } from "@/lib/api-v1/endpoints/articles";

export const GET = listArticles;
export const POST = createArticle;
