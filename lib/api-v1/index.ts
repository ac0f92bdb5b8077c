/** /api/v1: personal API tokens, the route wrapper, endpoints and the generated OpenAPI document. */
import { ENDPOINTS } from "./endpoints";
import { buildOpenApi } from "./openapi";

export { ENDPOINTS };

let cached: Record<string, unknown> | null = null;
export function openApiDocument(): Record<string, unknown> {
  cached ??= buildOpenApi(ENDPOINTS);
  return cached;
}
