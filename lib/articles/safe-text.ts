import { z } from "zod";
import { unstorableReason } from "@/lib/validation/text";

/**
 * What PostgreSQL can store and our recursive code can walk, checked before
 * either sees a value. Client-safe (no server imports): the editors use it too.
 *
 * - U+0000 (NUL): PostgreSQL refuses it in text and jsonb columns.
 * - Lone surrogates (half of a UTF-16 pair): not Unicode text; jsonb refuses
 *   them and UTF-8 encoding would silently turn them into U+FFFD, so stored
 *   text would no longer match the offsets counted in it. Refused rather than
 *   replaced, because replacing them is not lossless.
 * - Nesting: documents are walked recursively (zod, canonical text, the
 *   editor), so nesting is capped, and counted iteratively, before any of that.
 */

/** Nodes nested inside one another (doc > list > item > list > … > text). Tiptap documents people write stay far below. */
export const MAX_DOC_DEPTH = 64;
/** Objects and arrays nested inside one another anywhere in a document (node attributes included). */
export const MAX_JSON_DEPTH = 2 * MAX_DOC_DEPTH + 8;

export const DEPTH_MESSAGE = `Nested too deeply: at most ${MAX_DOC_DEPTH} levels of lists, quotes and other blocks.`;

/** Why a string can't be stored (lib/validation/text), or null when it can. */
export const textProblem = unstorableReason;

/** A zod check for any text field: refuses NUL and lone surrogates. */
export function storableText(value: string, ctx: z.RefinementCtx) {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

export interface JsonProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The first thing in a JSON value that can't be stored or walked safely:
 * a bad string (keys included), more than MAX_DOC_DEPTH nodes nested through
 * `content`, or more than MAX_JSON_DEPTH levels of objects and arrays.
 * Iterative, so any depth is examined without recursion.
 */
export function jsonProblem(value: unknown): JsonProblem | null {
  // Paths are built only for the value at fault, from parent links: copying one per node made a 3.6 MB document take ~0.6 s.
  interface Frame {
    value: unknown;
    parent: Frame | null;
    key: string | number;
    json: number;
    nodes: number;
  }
  const pathOf = (frame: Frame | null, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let f = frame; f && f.parent; f = f.parent) path.push(f.key);
    return path.reverse();
  };
  const stack: Frame[] = [{ value, parent: null, key: "", json: 0, nodes: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof v === "string") {
      const message = textProblem(v);
      if (message) return { path: pathOf(frame), message };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (frame.json >= MAX_JSON_DEPTH) return { path: [], message: DEPTH_MESSAGE };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], parent: frame, key: i, json: frame.json + 1, nodes: frame.nodes });
      continue;
    }
    // A node is an object with a `type`; its `content` holds the next level.
    const depth = typeof (v as { type?: unknown }).type === "string" ? frame.nodes + 1 : frame.nodes;
    if (depth > MAX_DOC_DEPTH) return { path: [], message: DEPTH_MESSAGE };
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const message = textProblem(key);
      if (message) return { path: pathOf(frame, key), message };
      stack.push({ value: (v as Record<string, unknown>)[key], parent: frame, key, json: frame.json + 1, nodes: depth });
    }
  }
  return null;
}

/**
 * Wraps a document schema so the iterative check runs first: a value nested
 * too deeply or holding unstorable text is refused with one clear issue
 * before zod's own (recursive) parsing starts.
 */
export function guardedJson<S extends z.ZodType>(schema: S) {
  return z.preprocess((value, ctx) => {
    const problem = jsonProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem.message, path: problem.path, input: value });
    return value;
  }, schema);
}
