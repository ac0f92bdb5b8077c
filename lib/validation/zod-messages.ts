import { z } from "zod";

/**
 * zod's own English, in the house style, for the checks a schema gives no message of its own: the API named the
 * field but said "Invalid input: expected number, received NaN" (`changes?after=abc`) or "Too small: expected
 * number to be >=0" (black-box s35, L3). A schema's own message still wins (zod asks this map only without one);
 * the codes the UI translates from (lib/http/error-codes.ts) don't depend on these words.
 */
const KINDS: Record<string, string> = { number: "a number", int: "a whole number", string: "text", boolean: "true or false", array: "a list", object: "an object", date: "a date" };

const received = (input: unknown) => (input === null ? "null" : Array.isArray(input) ? "a list" : typeof input === "string" ? "text" : `a ${typeof input}`);

const sized = (origin: string, n: number | bigint) =>
  origin === "string" ? `${n} character${n === 1 ? "" : "s"}` : origin === "array" || origin === "set" ? `${n} item${n === 1 ? "" : "s"}` : `${n}`;

export function houseMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Required: give a value.";
      // NaN: text a coercing schema couldn't read as a number (`after=abc`).
      if (typeof issue.input === "number" && Number.isNaN(issue.input)) return `Give ${KINDS[issue.expected] ?? issue.expected}.`;
      return `Give ${KINDS[issue.expected] ?? issue.expected}, not ${received(issue.input)}.`;
    case "too_small": {
      const min = issue.minimum as number | bigint;
      if (issue.origin === "string" && Number(min) <= 1) return "Can't be empty: give a value.";
      if (issue.origin === "int" && min === Number.MIN_SAFE_INTEGER) return "Far too small a number.";
      return `${issue.inclusive === false ? "More than" : "At least"} ${sized(issue.origin, min)}.`;
    }
    case "too_big": {
      const max = issue.maximum as number | bigint;
      // zod's bound on every whole number, not the field's: JavaScript's limit means nothing to the reader.
      if (issue.origin === "int" && max === Number.MAX_SAFE_INTEGER) return "Far too large a number.";
      return `${issue.inclusive === false ? "Less than" : "At most"} ${sized(issue.origin, max)}.`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `Only ${JSON.stringify(issue.values[0])} is taken here.` : `One of: ${issue.values.map((v) => String(v)).join(", ")}.`;
    default:
      return undefined;
  }
}

z.config({ customError: houseMessage });
