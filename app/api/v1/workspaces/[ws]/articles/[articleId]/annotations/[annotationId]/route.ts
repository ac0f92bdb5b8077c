import { deleteAnnotationEndpoint, getAnnotationEndpoint } from "@/lib/api-v1/endpoints/annotations";

export const GET = getAnnotationEndpoint;
export const DELETE = deleteAnnotationEndpoint;
