import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from "@streamparser/json";
import { DomainError, invalid } from "@/lib/errors";
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

const notJson = () => invalid("The bundle is not valid JSON.", { _: "Not valid JSON." });

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
    if (first && t.token !== TokenType.LEFT_BRACE) throw invalid("A bundle is a JSON object.", { _: "Expected a JSON object." });
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
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const write = (text: string) => {
    try {
      tokenizer.write(text);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw notJson();
    }
  };
  let any = false;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw invalid("The request body is not valid UTF-8 text.", { _: "Not valid UTF-8." });
    }
    if (text) {
      any ||= /\S/.test(text);
      write(text);
    }
    if (out.length) {
      yield out;
      out = [];
    }
  }
  try {
    const rest = decoder.decode();
    if (rest) write(rest);
  } catch {
    throw invalid("The request body is not valid UTF-8 text.", { _: "Not valid UTF-8." });
  }
  if (!any) throw invalid("Send the bundle as the request body.", { _: "The body is empty." });
  if (!parser.isEnded) throw notJson();
  if (out.length) yield out;
}
