import fc from "fast-check";

/**
 * Test helper (not a test): fast-check arbitraries for request data, derived
 * from JSON Schemas (the OpenAPI document's, or z.toJSONSchema of a route's
 * zod schema). Mostly schema-shaped values, sprinkled with adversarial ones
 * (NUL, lone surrogates, huge numbers, impossible dates, 1,000-level nesting,
 * wrong types). Each adversarial value is tagged with a `kind`, so a failure
 * can be told apart and matched against a known-failure list.
 */
type Json = Record<string, unknown>;

/** An adversarial value in a generated tree; `materialize` replaces it by its value and records where it went. */
export class Adversarial {
  constructor(
    readonly kind: string,
    readonly value: unknown,
  ) {}
  toString() {
    return `Adversarial(${this.kind})`;
  }
}

export interface Injected {
  /** Where: body.claimDate, query.limit, path.claimId, body (the whole body). */
  path: string;
  kind: string;
}

function nest(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
}

/** A rich-text (tiptap) document whose one block is nested `levels` deep. */
export function deepRichDoc(levels: number): unknown {
  const inner = nest(levels, { type: "paragraph", content: [{ type: "text", text: "deep" }] }, (n) => ({ type: "blockquote", content: [n] }));
  return { type: "doc", content: [inner] };
}

const STRINGS: [string, string][] = [
  ["nul", "a\u0000b"],
  ["nul", "\u0000"],
  ["lone-surrogate", "a\uD800b"],
  ["lone-surrogate", "\uDFFF"],
  ["long-string", "x".repeat(100_000)],
  ["control-chars", "\u0001\u001f\u007f\u2028"],
  ["blank", "   "],
  ["empty", ""],
  ["markup", "<script>alert(1)</script>'\"; --"],
];
const NUMBERS: [string, unknown][] = [
  ["huge-number", 99999999999],
  ["huge-number", 1e308],
  ["unsafe-integer", 2 ** 53 + 2],
  ["negative", -1],
  ["zero", 0],
  ["fraction", 1.5],
  ["nan-like", "NaN"],
  ["nan-like", "Infinity"],
];
const DATES: [string, string][] = [
  ["date-year-0", "0000-01-01"],
  ["date-negative-year", "-000001-01-01"],
  ["date-negative-year", "-1-01-01"],
  ["date-year-10000", "10000-01-01"],
  ["date-year-10000", "+010000-01-01T00:00:00Z"],
  ["date-impossible", "2024-02-30"],
  ["date-impossible", "2024-13-01T25:61:00Z"],
];
const SHAPES: [string, unknown][] = [
  ["wrong-type", null],
  ["wrong-type", true],
  ["wrong-type", []],
  ["wrong-type", {}],
  ["wrong-type", 0],
  ["wrong-type", "text"],
  ["deep-array", nest(1000, 1, (v) => [v])],
  ["deep-object", nest(1000, 1, (v) => ({ a: v }))],
];

function tagged(list: [string, unknown][]): fc.Arbitrary<Adversarial> {
  return fc.constantFrom(...list).map(([kind, value]) => new Adversarial(kind, value));
}

/** Adversarial values for a JSON value; `inQuery` turns them into the strings a query string can carry. */
export function adversarialValue(schema: Json | boolean, inQuery = false): fc.Arbitrary<Adversarial> {
  const s = typeof schema === "object" ? schema : {};
  const lists: [string, unknown][][] = [STRINGS, NUMBERS, DATES];
  if (!inQuery) lists.push(SHAPES);
  if (isRichDoc(s)) lists.push([["deep-rich-text", deepRichDoc(1000)], ["deep-rich-text", deepRichDoc(300)]]);
  const all = lists.flat();
  const arb = tagged(all);
  if (!inQuery) return arb;
  return arb.map((a) => new Adversarial(a.kind, typeof a.value === "string" ? a.value : JSON.stringify(a.value)));
}

/** Whole request bodies that aren't a JSON object of the right shape. */
export const adversarialBody: fc.Arbitrary<Adversarial> = fc.constantFrom<[string, string]>(
  ["empty-body", ""],
  ["non-json-body", "not json"],
  ["non-json-body", "{"],
  ["non-json-body", "\u0000"],
  ["json-null-body", "null"],
  ["json-array-body", "[]"],
  ["json-scalar-body", "123"],
  ["deep-json-body", "[".repeat(100_000) + "]".repeat(100_000)],
  ["deep-json-body", '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000)],
  ["proto-body", '{"__proto__":{"x":1},"constructor":{"prototype":{}}}'],
).map(([kind, text]) => new Adversarial(kind, { raw: text }));

function isRichDoc(s: Json): boolean {
  const props = s.properties as Record<string, Json> | undefined;
  return props?.type?.const === "doc";
}

export interface ArbitraryOptions {
  /** The `components` (or `$defs`) that $refs point into. */
  defs: Record<string, Json>;
  /** Overrides for a property, by name (real ids, plausible versions…). */
  hint?: (name: string, schema: Json) => fc.Arbitrary<unknown> | undefined;
  /** 1 in `adversarialOneIn` leaves is adversarial. */
  adversarialOneIn?: number;
}

function resolve(schema: Json, defs: Record<string, Json>): Json {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === "string"; i++) {
    const name = s.$ref.split("/").at(-1)!;
    s = { ...defs[name], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$ref")) };
  }
  return s;
}

const validDate = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
const plainString = (min: number, max: number) =>
  fc.oneof(fc.string({ minLength: Math.max(1, min), maxLength: Math.max(1, Math.min(max, 30)) }), fc.constantFrom("Traffic", "about 40,000 vehicles a day", "🙂 émoji", "مرحبا"));

/** Schema-shaped values (not guaranteed valid: refinements aren't in JSON Schema), with adversarial leaves. */
export function arbitraryFor(schema: Json | boolean, opts: ArbitraryOptions, depth = 0, name = ""): fc.Arbitrary<unknown> {
  const adversarialOneIn = opts.adversarialOneIn ?? 6;
  const valid = validFor(schema, opts, depth, name);
  if (depth > 6 || !Number.isFinite(adversarialOneIn)) return valid;
  return fc.oneof({ weight: adversarialOneIn - 1, arbitrary: valid }, { weight: 1, arbitrary: adversarialValue(schema) });
}

function validFor(schema: Json | boolean, opts: ArbitraryOptions, depth: number, name: string): fc.Arbitrary<unknown> {
  if (schema === true || schema === false) return fc.jsonValue({ maxDepth: 2 });
  const s = resolve(schema, opts.defs);
  const hinted = name ? opts.hint?.(name, s) : undefined;
  if (hinted) return hinted;
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  let variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  // A bare string beside structured variants is a query-string fallback (`a,b` for an array): generate the structured ones.
  if (variants && variants.length > 1) variants = variants.filter((v) => !(v.type === "string" && Object.keys(v).length === 1));
  if (variants?.length) return fc.oneof(...variants.map((v) => validFor(v, opts, depth, name)));
  if (Array.isArray(s.allOf)) return validFor(s.allOf[0] as Json, opts, depth, name);
  const type = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => validFor({ ...s, type: t }, opts, depth, name)));
  switch (type[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum + 1 : 0;
      const max = typeof s.maximum === "number" ? s.maximum : min + 1000;
      return fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) });
    }
    case "string": {
      if (s.format === "date-time" || /date|At$|^since$/i.test(name)) return fc.oneof(validDate.map((d) => d.toISOString()), validDate.map((d) => d.toISOString().slice(0, 10)));
      return plainString(Number(s.minLength ?? 0), Number(s.maxLength ?? 30));
    }
    case "array": {
      if (depth > 4) return fc.constant([]);
      const item = (s.items as Json | undefined) ?? {};
      const minLength = Number(s.minItems ?? 0);
      return fc.array(arbitraryFor(item, opts, depth + 1, name), { minLength, maxLength: Math.max(minLength, Math.min(Number(s.maxItems ?? 3), 3)) });
    }
    case "object":
    default: {
      const props = (s.properties as Record<string, Json> | undefined) ?? {};
      if (!Object.keys(props).length) return depth > 3 ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 });
      const required = (s.required as string[] | undefined) ?? [];
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v, opts, depth + 1, k)]));
      const record = fc.record(model, { requiredKeys: depth > 3 ? required.filter((k) => k in props) : required.filter((k) => k in props) });
      // Now and then an unknown property too.
      return fc.tuple(record, fc.option(fc.constantFrom("extra", "__proto__", "constructor"), { freq: 8 })).map(([r, extra]) => {
        if (!extra) return r;
        const out = { ...(r as Json) };
        Object.defineProperty(out, extra, { value: new Adversarial("extra-property", 1), enumerable: true, configurable: true, writable: true });
        return out;
      });
    }
  }
}

/** The generated tree with adversarial markers replaced by their values, and where each went. */
export function materialize(tree: unknown, path: string, injected: Injected[] = []): { value: unknown; injected: Injected[] } {
  const walk = (node: unknown, at: string): unknown => {
    if (node instanceof Adversarial) {
      injected.push({ path: at, kind: node.kind });
      return node.value;
    }
    if (Array.isArray(node)) return node.map((v, i) => walk(v, `${at}.${i}`));
    if (node && typeof node === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(node))) {
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) Object.defineProperty(out, k, { value: walk(v, `${at}.${k}`), enumerable: true, configurable: true, writable: true });
      return out;
    }
    return node;
  };
  return { value: walk(tree, path), injected };
}

/** A query-string value for a generated one. */
export function queryString(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(",");
  return JSON.stringify(value) ?? "";
}
