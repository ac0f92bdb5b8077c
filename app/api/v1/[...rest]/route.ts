import { problem } from "@/lib/http/problem";

/** Any /api/v1 path no endpoint has: problem+json 404 (Next.js would answer its HTML page), whatever the method. */
async function notFound(): Promise<Response> {
  return problem(404, "There is no such API resource. The endpoints are listed at /api/v1/openapi.json.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
