/**
 * Where a text stops being JSON, as line and column, for a message a person
 * can act on ("This file isn't valid JSON (line 3, column 5)"): JSON.parse's
 * own messages name no place on this Node and quote the text back raw.
 * A plain scanner (no recursion, so no nesting is too deep for it).
 */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** The offset of the first character that makes `text` not JSON (its length when it ends too soon); -1 when it is JSON. */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const stack: ("{" | "[")[] = [];
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  /** A string at i; false with i at the fault. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return false;
        continue;
      }
      if (c < " ") return false;
      i++;
    }
    return false;
  };
  /** A key and its colon, after `{` or `,` in an object. */
  const key = (): boolean => {
    ws();
    if (!string()) return false;
    ws();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };
  let wantValue = true;
  for (;;) {
    ws();
    if (wantValue) {
      if (i >= n) return n;
      const c = text[i];
      if (c === "{" || c === "[") {
        i++;
        ws();
        if (text[i] === (c === "{" ? "}" : "]")) {
          i++;
          wantValue = false;
          continue;
        }
        stack.push(c);
        if (c === "{" && !key()) return i;
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
        wantValue = false;
        continue;
      }
      NUMBER.lastIndex = i;
      const num = NUMBER.exec(text);
      if (num) {
        i += num[0].length;
        wantValue = false;
        continue;
      }
      const literal = ["true", "false", "null"].find((l) => text.startsWith(l, i));
      if (!literal) return i;
      i += literal.length;
      wantValue = false;
      continue;
    }
    const top = stack.at(-1);
    if (!top) return i < n ? i : -1;
    if (text[i] === ",") {
      i++;
      if (top === "{" && !key()) return i;
      wantValue = true;
      continue;
    }
    if (text[i] === (top === "{" ? "}" : "]")) {
      i++;
      stack.pop();
      continue;
    }
    return i;
  }
}

/** 1-based line and column of an offset (columns count UTF-16 units, as editors mostly do). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/** "line 3, column 5: unexpected "x"" for where `text` (a file, or one line of one) stops being JSON; null when it is JSON. */
export function jsonErrorPlace(text: string, whole: "file" | "line" = "file"): string | null {
  const at = jsonErrorOffset(text);
  if (at < 0) return null;
  const { line, column } = lineAndColumn(text, at);
  const what = at >= text.length ? `the ${whole} ends too soon` : `unexpected ${JSON.stringify(String.fromCodePoint(text.codePointAt(at)!))}`;
  return whole === "line" ? `column ${column}: ${what}` : `line ${line}, column ${column}: ${what}`;
}
