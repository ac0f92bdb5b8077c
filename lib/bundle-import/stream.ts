import { isUtf8 } from "node:buffer";
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from "@streamparser/json";
import { DomainError, invalid, said } from "@/lib/errors";
import { collectGarbageIfGrown } from "./memory";
import { SECTIONS, type SectionName } from "./schema";

/**
 * Reading a bundle as it arrives, never whole: the JSON is tokenized
 * incrementally (@streamparser/json) and each entity of a section
 * (`articles[i]`, `claims[i]`, …) comes out on its own, then is dropped, so
 * memory holds one network chunk's entities at a time however large the
 * bundle. Top-level values that are not sections (format, version,
 * workspace, filters, tags) are small and come out whole.
 *
 * Bytes that aren't UTF-8 and text that isn't JSON are a 400.
 */
export type BundleEvent =
  /** One entity of a section array, in order. */
  | { kind: "item"; section: SectionName; value: unknown }
  /** A top-level key read to its end: its value, except a section array's, which is [] (its items came as "item"). */
  | { kind: "key"; key: string; value: unknown };

const PRIMITIVES = new Set([TokenType.STRING, TokenType.NUMBER, TokenType.TRUE, TokenType.FALSE, TokenType.NULL]);
const OPEN = new Set([TokenType.LEFT_BRACE, TokenType.LEFT_BRACKET]);
const CLOSE = new Set([TokenType.RIGHT_BRACE, TokenType.RIGHT_BRACKET]);

const notJson = () => invalid(said("bundle_not_json", "The bundle is not valid JSON."), { _: said("bundle_not_json", "Not valid JSON.") });
/**
 * Where the JSON went wrong, so a cut-off download can be told from a corrupt or padded file (black-box, session 32:
 * all three were "not valid JSON"). The tokenizer names the position of a character it can't take (from 0; said from 1,
 * as the file's n-th byte); a value after the bundle's end is refused by the parser.
 */
const truncated = (bytes: number) =>
  invalid(said("bundle_truncated", `The bundle ends before its JSON is complete, after ${bytes} bytes: the file may have been cut off.`, { bytes }), {
    _: said("bundle_truncated", `Ends after ${bytes} bytes, before the JSON is complete.`, { bytes }),
  });
const notJsonAt = (at: number) =>
  invalid(said("bundle_not_json_at", `The bundle is not valid JSON at byte ${at}.`, { at }), { _: said("bundle_not_json_at", `Not valid JSON at byte ${at}.`, { at }) });
const extraAfterEnd = () =>
  invalid(said("bundle_extra_data", "The bundle's JSON is complete, but more data follows it."), { _: said("bundle_extra_data", "More data follows the JSON.") });

/** Batches of events, one batch per chunk read. */
export async function* bundleEvents(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<BundleEvent[]> {
  const sections = new Set<string>(SECTIONS);
  let out: BundleEvent[] = [];
  const parser = new TokenParser({ paths: ["$.*.*"], keepStack: false });
  const tokenizer = new Tokenizer();
  // Non-section containers (workspace, filters, tags, or a section that isn't an array) are rebuilt from their members.
  const partial = new Map<string, unknown[] | Record<string, unknown>>();
  parser.onValue = ({ value, key, parent, stack }) => {
    const top = String(stack[1]?.key);
    if (Array.isArray(parent) && sections.has(top)) out.push({ kind: "item", section: top as SectionName, value });
    else {
      let container = partial.get(top);
      if (!container) partial.set(top, (container = Array.isArray(parent) ? [] : {}));
      (container as Record<string | number, unknown>)[key as string | number] = value;
    }
  };
  // The top level, followed token by token: which key is being read, and when its value ends.
  let depth = 0;
  let expectKey = false;
  let key: string | null = null;
  let opened: "array" | "object" | null = null;
  let first = true;
  const onToken = (t: ParsedTokenInfo) => {
    if (first && t.token !== TokenType.LEFT_BRACE) throw invalid(said("bundle_not_object", "A bundle is a JSON object."), { _: said("bundle_not_object", "Expected a JSON object.") });
    first = false;
    parser.write(t);
    if (OPEN.has(t.token)) {
      depth += 1;
      if (depth === 1) expectKey = true;
      else if (depth === 2 && key !== null) opened = t.token === TokenType.LEFT_BRACKET ? "array" : "object";
      return;
    }
    if (CLOSE.has(t.token)) {
      depth -= 1;
      if (depth === 1 && key !== null) {
        const rebuilt = partial.get(key);
        partial.delete(key);
        const empty = opened === "array" ? [] : {};
        out.push({ kind: "key", key, value: sections.has(key) && opened === "array" ? [] : (rebuilt ?? empty) });
        key = null;
      }
      return;
    }
    if (depth !== 1) return;
    if (t.token === TokenType.COMMA) expectKey = true;
    else if (expectKey && t.token === TokenType.STRING) {
      key = String(t.value);
      expectKey = false;
    } else if (key !== null && PRIMITIVES.has(t.token)) {
      out.push({ kind: "key", key, value: t.value });
      key = null;
    }
  };
  tokenizer.onToken = onToken;
  /** Said from 1, as the file's n-th byte (as bundle_not_json_at), so the reader can find it in the file they chose. */
  const notUtf8At = (at: number) =>
    invalid(said("bundle_not_utf8_at", `The bundle is not valid UTF-8 text at byte ${at}.`, { at }), { _: said("bundle_not_utf8_at", `Not valid UTF-8 at byte ${at}.`, { at }) });
  /** Bytes (or, for text chunks, characters) given to the tokenizer before the current chunk. */
  let fed = 0;
  const write = (input: string | Uint8Array) => {
    try {
      tokenizer.write(input);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if (parser.isEnded) throw extraAfterEnd();
      const at = /absolute position "(\d+)"/.exec(err instanceof Error ? err.message : "");
      throw at ? notJsonAt(Number(at[1]) + 1) : notJson();
    }
    fed += input.length;
  };
  // Bytes go to the tokenizer as they are (it decodes each string value itself): decoding every chunk to a
  // string only for the tokenizer to encode it again cost two copies of the whole upload in garbage.
  // They are checked to be UTF-8 first, a character split between chunks completed by the next one.
  let carry: Uint8Array | null = null;
  const checkUtf8 = (chunk: Uint8Array): void => {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    let cut = buf.length;
    for (let k = 1; k <= Math.min(3, buf.length); k++) {
      const b = buf[buf.length - k];
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0 && (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > k) cut = buf.length - k;
      break;
    }
    if (!isUtf8(buf.subarray(0, cut))) throw notUtf8At(fed - (carry?.length ?? 0) + firstNotUtf8(buf) + 1);
    carry = cut < buf.length ? buf.slice(cut) : null;
  };
  const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
  let any = false;
  for await (const chunk of chunks) {
    // Memory held stays near what is live (memory.ts): each chunk's entities are done with by the time the next is read.
    collectGarbageIfGrown();
    if (typeof chunk === "string") {
      any ||= /\S/.test(chunk);
      if (chunk) write(chunk);
    } else if (chunk.length) {
      checkUtf8(chunk);
      if (!any) any = chunk.some((b) => !JSON_SPACE.has(b));
      write(chunk);
    }
    if (out.length) {
      yield out;
      out = [];
    }
  }
  // A character the file's end cuts short.
  const tail = carry as Uint8Array | null; // set in checkUtf8, which TypeScript doesn't follow
  if (tail) throw notUtf8At(fed - tail.length + 1);
  if (!any) throw invalid(said("bundle_empty", "Send the bundle as the request body."), { _: said("bundle_empty", "The body is empty.") });
  if (!parser.isEnded) throw truncated(fed);
  if (out.length) yield out;
}

/**
 * Where the first byte that isn't UTF-8 is in `bytes` (from 0). Only for bytes known to hold one: decoded with
 * U+FFFD standing for what isn't UTF-8 and encoded again, they come back the same up to there (U+FFFD written
 * in the bytes themselves comes back as it was).
 */
export function firstNotUtf8(bytes: Uint8Array): number {
  const again = Buffer.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), "utf8");
  let i = 0;
  while (i < bytes.length && bytes[i] === again[i]) i++;
  return i;
}
