import { z } from "zod";

/**
 * Text that PostgreSQL can store and every consumer can read. PostgreSQL
 * refuses U+0000 in text (the query fails: a 500 where a 400 belongs), and a
 * lone UTF-16 surrogate is not Unicode at all: it can't be encoded as UTF-8
 * (Node turns it into U+FFFD, silently changing what was written). Both are
 * refused at the boundary, naming the field. Client-safe.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = "Remove the NUL character or broken Unicode (a lone surrogate).";

export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** A string PostgreSQL can store: chain .trim(), .min(), .max() as usual. `required`: the message when it is missing or not a string. */
export function text(message = UNSTORABLE_TEXT_MESSAGE, required?: string) {
  return z.string(required ? { error: required } : undefined).refine(isStorableText, message);
}

/**
 * The path of the first string (or object key) in a parsed JSON value that
 * PostgreSQL can't store, or null. Iterative, so any depth is safe: for the
 * request pipeline, which can refuse such a body whatever its schema.
 */
export function findUnstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      if (!isStorableText(node)) return path || "_";
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], path ? `${path}.${i}` : String(i)]);
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        const at = path ? `${path}.${k}` : k;
        if (!isStorableText(k)) return at;
        stack.push([v, at]);
      }
    }
  }
  return null;
}
