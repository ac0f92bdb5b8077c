/**
 * Helpers for the anchoring tests and benchmark: edit scripts, span tracking,
 * a reference edit distance and a seeded PRNG. Not part of the public API.
 */
import fs from "node:fs";
import path from "node:path";

export { seededRandom } from "@/lib/seeded-random";

/** Replace `text[start, end)` by `insert` (code units); insertion when start === end. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce(applyEdit, text);
}

/** A span followed through edits; `touched` once an edit changed any of its text. */
export interface TrackedSpan {
  start: number;
  end: number;
  touched: boolean;
}

/**
 * Where a span is after `edit`. Edits that merely abut the span (an insertion
 * at its start or end, a deletion ending where it starts) leave it untouched.
 */
export function mapSpan(span: TrackedSpan, edit: Edit): TrackedSpan {
  if (span.touched) return span;
  const delta = edit.insert.length - (edit.end - edit.start);
  if (edit.end <= span.start) {
    return { start: span.start + delta, end: span.end + delta, touched: false };
  }
  if (edit.start >= span.end) return span;
  return { ...span, touched: true };
}

/** Plain O(n·m) Levenshtein distance in code units: the oracle for tests. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The shared reference corpus, which lives beside the repository, not in it. */
export const CORPUS_DIR = path.resolve(process.cwd(), "../shared/corpus");

/** The corpus articles' texts, in file order, or null when the folder is absent. */
export function readCorpus(): string[] | null {
  if (!fs.existsSync(CORPUS_DIR)) return null;
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => fs.readFileSync(path.join(CORPUS_DIR, f), "utf8"));
}
