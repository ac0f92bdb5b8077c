import { openApiDocument } from "@/lib/api-v1";
import { methods } from "@/lib/http/pipeline";

/** The OpenAPI 3.1 document, generated from the endpoint definitions and their zod schemas. No token needed. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: async () => GET() });
