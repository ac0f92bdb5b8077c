/**
 * Turns the generated OpenAPI document into what the reference page
 * (/api/docs) shows: operations grouped by tag, schemas as field tables, and
 * a curl example per operation. Pure functions over the document.
 */
type Json = Record<string, unknown>;

export interface FieldRow {
  name: string;
  type: string;
  /** A component the type refers to, for a link. */
  ref?: string;
  required: boolean;
  description?: string;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  permission?: string;
  parameters: { name: string; in: string; required: boolean; type: string; description?: string }[];
  body?: { fields: FieldRow[]; example?: unknown; ref?: string };
  responses: { status: string; description: string; type?: string; ref?: string; mediaType?: string }[];
  curl: string;
}

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A short, readable type: "string", "Claim", "integer | null", "\"a\" | \"b\"", "Source[]". */
export function typeOf(schema: Json | undefined): { type: string; ref?: string } {
  if (!schema) return { type: "any" };
  if (typeof schema.$ref === "string") return { type: refName(schema.$ref), ref: refName(schema.$ref) };
  if (Array.isArray(schema.enum)) return { type: (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ") };
  if ("const" in schema) return { type: JSON.stringify(schema.const) };
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union) {
    const parts = union.map(typeOf);
    return { type: [...new Set(parts.map((p) => p.type))].join(" | "), ref: parts.find((p) => p.ref)?.ref };
  }
  if (schema.type === "array") {
    const item = typeOf(schema.items as Json | undefined);
    return { type: `${item.type.includes(" ") ? `(${item.type})` : item.type}[]`, ref: item.ref };
  }
  if (schema.type === "object" && !schema.properties && schema.additionalProperties) {
    return { type: `map of ${typeOf(schema.additionalProperties as Json).type}` };
  }
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  return { type: `${Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any")}${format}` };
}

/** Field rows of an object schema (following one $ref), or null when it isn't one. */
export function fieldsOf(schema: Json | undefined, components: Record<string, Json>): FieldRow[] | null {
  if (!schema) return null;
  const target = typeof schema.$ref === "string" ? components[refName(schema.$ref)] : schema;
  const props = target?.properties as Record<string, Json> | undefined;
  if (!props) return null;
  const required = new Set((target.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const t = typeOf(s);
    return { name, type: t.type, ref: t.ref, required: required.has(name), description: typeof s.description === "string" ? s.description : undefined };
  });
}

export function curlFor(method: string, path: string, baseUrl: string, example?: unknown): string {
  const url = `${baseUrl}/api/v1${path.replace("{ws}", "$WORKSPACE").replace(/\{(\w+)\}/g, (_, n: string) => `$${n.replace(/([A-Z])/g, "_$1").toUpperCase()}`)}`;
  const lines = [`curl${method === "GET" ? "" : ` -X ${method}`} "${url}"`, `  -H "Authorization: Bearer $CLAIMTRAIL_TOKEN"`];
  if (example !== undefined) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(example).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

export function referenceOf(doc: Json, baseUrl: string): { tags: { name: string; operations: OperationView[] }[]; schemas: { name: string; fields: FieldRow[] | null; description?: string }[] } {
  const components = ((doc.components as Json)?.schemas ?? {}) as Record<string, Json>;
  const byTag = new Map<string, OperationView[]>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const body = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.["application/json"];
      const bodySchema = body?.schema as Json | undefined;
      const view: OperationView = {
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ""),
        description: op.description as string | undefined,
        permission: op["x-permission"] as string | undefined,
        parameters: ((op.parameters as Json[]) ?? []).map((p) => ({
          name: String(p.name),
          in: String(p.in),
          required: Boolean(p.required),
          type: typeOf(p.schema as Json).type,
          description: p.description as string | undefined,
        })),
        body: bodySchema ? { fields: fieldsOf(bodySchema, components) ?? [], example: body?.example, ref: typeOf(bodySchema).ref } : undefined,
        responses: Object.entries(op.responses as Record<string, Json>).map(([status, r]) => {
          const content = (r.content ?? {}) as Record<string, Json>;
          const [mediaType, media] = Object.entries(content)[0] ?? [];
          const t = media ? typeOf(media.schema as Json) : undefined;
          return { status, description: String(r.description ?? ""), type: t?.type, ref: t?.ref, mediaType };
        }),
        curl: curlFor(method.toUpperCase(), path, baseUrl, body?.example),
      };
      const tag = ((op.tags as string[] | undefined) ?? ["Other"])[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), view]);
    }
  }
  const tagOrder = ((doc.tags as { name: string }[] | undefined) ?? []).map((t) => t.name);
  const tags = [...byTag.entries()].sort((a, b) => tagOrder.indexOf(a[0]) - tagOrder.indexOf(b[0])).map(([name, operations]) => ({ name, operations }));
  const schemas = Object.entries(components).map(([name, s]) => ({ name, fields: fieldsOf(s, components), description: s.description as string | undefined }));
  return { tags, schemas };
}
