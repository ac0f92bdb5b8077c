import { problem } from "@/lib/http/problem";

/** Any /api path no route has (outside /api/v1, which has its own): problem+json 404 rather than Next.js's HTML page, whatever the method. */
async function notFound(): Promise<Response> {
  return problem(404, "There is no such API resource.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
