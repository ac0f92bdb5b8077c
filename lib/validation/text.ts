import { z } from "zod";

/**
 * Text that PostgreSQL can store and every consumer can read: the one check
 * behind the request pipeline, the zod schemas and the document guards.
 * PostgreSQL refuses U+0000 in text and jsonb (the query fails: a 500 where a
 * 400 belongs), and a lone UTF-16 surrogate is not Unicode at all: it has no
 * UTF-8 form (jsonb refuses its escape; Node silently turns it into U+FFFD,
 * changing what was written and the offsets counted in it). Both are refused,
 * naming the field, rather than replaced. Client-safe.
 */
export const NUL_MESSAGE = "Contains a NUL character (U+0000), which can't be stored.";
export const SURROGATE_MESSAGE = "Contains a broken character (an unpaired UTF-16 surrogate); it isn't valid Unicode text.";
export const UNSTORABLE_TEXT_MESSAGE = "Remove the NUL character or broken Unicode (a lone surrogate).";

/** Why a string can't be stored, or null when it can. */
export function unstorableReason(s: string): string | null {
  if (s.includes("\u0000")) return NUL_MESSAGE;
  if (!s.isWellFormed()) return SURROGATE_MESSAGE;
  return null;
}

export function isStorableText(s: string): boolean {
  return unstorableReason(s) === null;
}

/** A string PostgreSQL can store: chain .trim(), .min(), .max() as usual. `required`: the message when it is missing or not a string. */
export function text(message = UNSTORABLE_TEXT_MESSAGE, required?: string) {
  return z.string(required ? { error: required } : undefined).refine(isStorableText, message);
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit, extra?: string): string {
  const keys: (string | number)[] = extra === undefined ? [] : [extra];
  for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) keys.push(v.key);
  const path = keys.reverse().join(".") || "_";
  // A path thousands of levels deep is named by its two ends.
  return path.length > 300 ? `${path.slice(0, 150)}…${path.slice(-150)}` : path;
}

/**
 * The first string (or object key) in a parsed JSON value that can't be
 * stored, with its path ("a.1.c"; "_" for the value itself) and why. Iterative,
 * with parent links instead of copied paths: any nesting depth costs neither
 * stack nor quadratic memory.
 */
export function findUnstorableText(value: unknown): { path: string; why: string } | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (typeof v === "string") {
      const why = unstorableReason(v);
      if (why) return { path: pathOf(visit), why };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: visit });
    } else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        const why = unstorableReason(k);
        if (why) return { path: pathOf(visit, k), why: `Key: ${why}` };
        stack.push({ value: child, key: k, parent: visit });
      }
    }
  }
  return null;
}

/**
 * Line breaks and other control or separator characters (C0, DEL, C1, U+2028/2029), which have no
 * place in a one-line value such as a person's name: in a notification e-mail's text a name with a
 * line break could forge lines of its own ("…\nOpen it: https://…"). Also the invisible zero-width
 * space and the bidirectional controls, which can make one name pass for another or reverse the
 * text after it (zero-width joiners stay: scripts and emoji need them).
 */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

export function isOneLine(s: string): boolean {
  return !NOT_ONE_LINE.test(s);
}

/**
 * The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). In a statement they
 * make the page show text other than what is stored, searched and exported (U+202E shows "gnirts" as "string"),
 * and an unclosed one reorders what follows it (black-box B7). The marks U+200E/U+200F stay: right-to-left text
 * needs them and they reorder nothing. `withoutDirectionControls` below takes them out (a statement taken from
 * an article's text).
 */
export function hasNoDirectionControl(s: string): boolean {
  return withoutDirectionControls(s) === s;
}

/** The text on one line: each run of control or line-separator characters becomes one space. */
export function oneLine(s: string): string {
  return s.replace(/[\p{Cc}\u2028\u2029\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/gu, " ");
}

/**
 * Whether a value has something to read: a letter, digit, punctuation mark or symbol. zod's trim() takes off
 * spaces but not the invisible format characters (zero-width space, word joiner, soft hyphen, joiners), so a
 * statement of only those was stored as a blank, nameless claim that no search could find (finding T3).
 */
export function hasVisibleText(s: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(s);
}

/**
 * The text without bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 * quoted elsewhere (a comment in a notification and its e-mail), a right-to-left override drew the rest of the
 * line, the name after it included, reversed (finding T6). Right-to-left letters themselves are untouched.
 */
export function withoutDirectionControls(s: string): string {
  return s.replace(/[\u202A-\u202E\u2066-\u2069]/g, "");
}

/** A claim's statement from the words a highlight marks: without direction controls, each run of spacing one space. */
export function statementFromWords(words: string): string {
  return withoutDirectionControls(words).replace(/\s+/g, " ").trim();
}

/**
 * Imported metadata (a page's <title>, a PDF's or a Word file's properties, a bundle, an annotation file) on one
 * line: line breaks, tabs and other controls become one space, the invisible zero-width and direction characters
 * go, runs of spaces become one. An importer didn't write the source's markup and can't fix it there: a title
 * wrapped over two lines in the HTML is still that title, so it comes in rather than being refused.
 */
export function importedLine(s: string): string {
  return s
    .replace(/[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/gu, "")
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}
