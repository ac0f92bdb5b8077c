import { createAnnotationEndpoint, listAnnotationsEndpoint } from "@/lib/api-v1/endpoints/annotations";

export const GET = listAnnotationsEndpoint;
export const POST = createAnnotationEndpoint;
