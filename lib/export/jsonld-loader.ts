import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * An offline JSON-LD document loader for the export tests: serves the W3C
 * annotation context and schema.org's (a subset, see contexts/README.md) from
 * the files vendored beside this one, and refuses everything else, so
 * processing never touches the network.
 */
const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "contexts");

const FILES: Record<string, string> = {
  "http://www.w3.org/ns/anno.jsonld": "anno.jsonld",
  "https://www.w3.org/ns/anno.jsonld": "anno.jsonld",
  "https://schema.org": "schema-org.jsonld",
  "https://schema.org/": "schema-org.jsonld",
  "http://schema.org": "schema-org.jsonld",
  "http://schema.org/": "schema-org.jsonld",
};

export async function offlineDocumentLoader(url: string) {
  const file = FILES[url];
  if (!file) throw new Error(`No network in tests: ${url} is not a vendored context`);
  return { contextUrl: undefined, documentUrl: url, document: JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as object };
}
