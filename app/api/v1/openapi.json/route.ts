import { openApiDocument } from "@/lib/api-v1";

/** The OpenAPI 3.1 document, generated from the endpoint definitions and their zod schemas. No token needed. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
