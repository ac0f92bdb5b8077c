import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A tiny sentence-embedding model written by the tests themselves, so that no
 * test downloads anything: an ONNX graph of one Gather (token id → row of a
 * small embedding table) whose output is shaped like a transformer's
 * last_hidden_state [batch, tokens, dim], plus a matching WordPiece
 * tokenizer.json. Mean pooling over the attention mask happens in Node, as
 * for a real exported model.
 *
 * The ONNX file is protobuf; the handful of messages it needs (ModelProto,
 * GraphProto, NodeProto, TensorProto, ValueInfoProto) are encoded here by
 * hand, field numbers from onnx/onnx.proto.
 */

type Field = Uint8Array;

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

const intField = (field: number, value: number | bigint): Field => Uint8Array.from([...varint((field << 3) | 0), ...varint(value)]);
const bytesField = (field: number, value: Uint8Array): Field => concat([varint((field << 3) | 2), varint(value.length), value]);
const strField = (field: number, value: string): Field => bytesField(field, new TextEncoder().encode(value));
const msg = (...fields: Field[]): Uint8Array => concat(fields);

const FLOAT = 1;
const INT64 = 7;

/** ValueInfoProto with a tensor type; a string dimension is symbolic (dim_param). */
function valueInfo(name: string, elemType: number, dims: (number | string)[]): Uint8Array {
  const shape = msg(...dims.map((d) => bytesField(1, typeof d === "number" ? intField(1, d) : strField(2, d))));
  const tensorType = msg(intField(1, elemType), bytesField(2, shape));
  return msg(strField(1, name), bytesField(2, msg(bytesField(1, tensorType))));
}

function floatTensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  return msg(...dims.map((d) => intField(1, d)), intField(2, FLOAT), strField(8, name), bytesField(9, new Uint8Array(values.buffer.slice(0)) ));
}

/** An ONNX model: last_hidden_state = Gather(table, input_ids); attention_mask is declared as real exports do. */
export function tinyOnnxModel(table: number[][], options: { extraInput?: string } = {}): Uint8Array {
  const dim = table[0]!.length;
  const flat = new Float32Array(table.flat());
  const node = msg(strField(1, "table"), strField(1, "input_ids"), strField(2, "last_hidden_state"), strField(3, "gather"), strField(4, "Gather"));
  const inputs = ["input_ids", "attention_mask", ...(options.extraInput ? [options.extraInput] : [])];
  const graph = msg(
    bytesField(1, node),
    strField(2, "tiny-embedding"),
    bytesField(5, floatTensor("table", [table.length, dim], flat)),
    ...inputs.map((name) => bytesField(11, valueInfo(name, INT64, ["batch", "tokens"]))),
    bytesField(12, valueInfo("last_hidden_state", FLOAT, ["batch", "tokens", dim])),
  );
  const opset = msg(strField(1, ""), intField(2, 13));
  return msg(intField(1, 8), strField(2, "claimtrail-tests"), bytesField(7, graph), bytesField(8, opset));
}

/** A WordPiece tokenizer.json over a fixed vocabulary (lower-cased, accents kept so й stays й, BERT pre-tokenizer, [CLS] … [SEP]). */
export function tinyTokenizerJson(vocab: string[]): object {
  const all = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", ...vocab];
  const ids = Object.fromEntries(all.map((token, i) => [token, i]));
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]"].map((content, id) => ({
      id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } }],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: ids },
  };
}

export interface TinyModelSpec {
  /** Words of the vocabulary, each with its vector (all the same length). Special tokens get zero vectors. */
  words: Record<string, number[]>;
}

/** Writes model.onnx and tokenizer.json for a vocabulary of word vectors into dir; returns dir. */
export function writeTinyModel(dir: string, spec: TinyModelSpec, options: { extraInput?: string } = {}): string {
  const words = Object.keys(spec.words);
  const dim = spec.words[words[0]!]!.length;
  const zero = Array.from({ length: dim }, () => 0);
  const table = [zero, zero, zero, zero, ...words.map((w) => spec.words[w]!)];
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "model.onnx"), tinyOnnxModel(table, options));
  writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(tinyTokenizerJson(words)));
  return dir;
}
