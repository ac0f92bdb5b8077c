import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Test helper (not a test): the schema.org vocabulary as the schema-dts
 * package states it (its typings are generated from schema.org's own
 * definitions): which types exist and which properties each may carry,
 * inherited ones included. The ClaimReview tests check every type and
 * property of the export against it, independently of our own code.
 */
export interface SchemaOrgVocab {
  /** The properties a type may carry; undefined for a type schema.org doesn't have. */
  propertiesOf(type: string): Set<string> | undefined;
}

export function schemaOrgVocab(): SchemaOrgVocab {
  const file = createRequire(import.meta.url).resolve("schema-dts/dist/schema.d.ts");
  const source = readFileSync(file, "utf8");
  const parents = new Map<string, string[]>();
  const own = new Map<string, Set<string>>();
  const typeToInterface = new Map<string, string>();
  const declaration = /^(?:export )?interface (\w+) extends ([^{]+)\{\n([\s\S]*?)^\}/gm;
  for (const [, name, ext, body] of source.matchAll(declaration)) {
    parents.set(
      name,
      ext
        .split(",")
        .map((p) => p.trim().replace(/^Partial<(.+)>$/, "$1"))
        .filter(Boolean),
    );
    own.set(name, new Set([...body.matchAll(/^ {4}"([A-Za-z][\w]*)"\??:/gm)].map((m) => m[1])));
    const literal = /^ {4}"@type": "(\w+)";/m.exec(body);
    if (literal) typeToInterface.set(literal[1], name);
  }
  const cache = new Map<string, Set<string>>();
  const all = (name: string): Set<string> => {
    const hit = cache.get(name);
    if (hit) return hit;
    const out = new Set(own.get(name) ?? []);
    for (const p of parents.get(name) ?? []) for (const prop of all(p)) out.add(prop);
    cache.set(name, out);
    return out;
  };
  return {
    propertiesOf(type: string) {
      const name = typeToInterface.get(type);
      return name ? all(name) : undefined;
    },
  };
}
