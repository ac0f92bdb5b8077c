import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { said, type Said } from "@/lib/errors";

/**
 * The optional sentence-embedding model an admin copies in and names with
 * EMBEDDING_MODEL_DIR (issue 14 §3): `model.onnx` (a multilingual sentence
 * encoder exported to ONNX, e.g. multilingual-e5-small or
 * paraphrase-multilingual-MiniLM-L12-v2) and its `tokenizer.json`, plus
 * optionally `claimtrail.json` ({ "name", "queryPrefix", "passagePrefix",
 * "maxTokens" }; e5 models want "query: " as both prefixes).
 *
 * Run with onnxruntime-web (WebAssembly, no native code, no install script)
 * and the Hugging Face tokenizers.js reading tokenizer.json from the
 * directory: nothing is fetched, ever. A model whose output is a transformer's
 * last_hidden_state [1, tokens, dim] is mean-pooled over the attention mask (as
 * sentence-transformers does); a [1, dim] output (e.g. "sentence_embedding")
 * is used as is. Vectors are L2-normalised, so cosine is a dot product.
 *
 * The loaded model is cached per process (a read-only resource, like a
 * connection pool; no job or request state lives here).
 */

export interface Embedder {
  /** Shown to admins: claimtrail.json's name, else the directory's name. */
  name: string;
  /** name@hash of the model and tokenizer files: another model or a changed file re-embeds. */
  fingerprint: string;
  dimension: number;
  /** Unit vectors, one per text. "query": a selection being matched; "passage": a claim or quote stored. */
  embed(texts: string[], role: "query" | "passage"): Promise<Float32Array[]>;
}

/**
 * A model that is configured but can't be used: the message says what to fix (the log, in English), and
 * `problems` says it again one problem at a time, each with its code and values, so the settings page lists
 * them in the admin's language (ui.apiErrors.model*).
 */
export class EmbeddingModelError extends Error {
  override name = "EmbeddingModelError";
  readonly problems: Said[];

  constructor(message: string, problems?: Said[]) {
    super(message);
    this.problems = problems ?? [said("model_unusable", message, { reason: message })];
  }
}

/** What is wrong with one file: the English the log has always said, and the problems it lists. */
interface FileProblem {
  log: string;
  problems: Said[];
}

const one = (problem: Said): FileProblem => ({ log: problem.en, problems: [problem] });
const isProblem = (r: unknown): r is FileProblem => !!r && typeof r === "object" && "log" in r && "problems" in r;

const DEFAULT_MAX_TOKENS = 256;

/** claimtrail.json, checked whole: a wrong type or value is named rather than silently ignored. */
const modelConfigSchema = z
  .object({
    name: z.string("a text").trim().min(1, "give a name").max(100, "at most 100 characters").optional(),
    queryPrefix: z.string("a text").max(100, "at most 100 characters").optional(),
    passagePrefix: z.string("a text").max(100, "at most 100 characters").optional(),
    maxTokens: z.int("a whole number").min(8, "at least 8").max(8192, "at most 8192").optional(),
  })
  .strict();
type ModelConfig = z.output<typeof modelConfigSchema>;

/** The configured directory, or null when matching by meaning is off. */
export function embeddingModelDir(): string | null {
  const dir = process.env.EMBEDDING_MODEL_DIR?.trim();
  return dir ? path.resolve(dir) : null;
}

/** A required file's bytes, or the problem with it (all of a directory's problems are reported together). */
async function readRequired(dir: string, file: "model.onnx" | "tokenizer.json", what: string): Promise<Buffer | FileProblem> {
  try {
    return await readFile(path.join(dir, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return one(said(file === "model.onnx" ? "model_onnx_missing" : "model_tokenizer_missing", `${file} is missing; it should hold ${what}`));
    const reason = code ?? String(err);
    return one(said("model_file_unreadable", `${file} can't be read (${reason}); it should hold ${what}`, { file, reason }));
  }
}

/** One wrong setting of claimtrail.json as a problem with its code (the schema's messages are the English). */
function settingProblem(issue: z.core.$ZodIssue): Said[] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((setting) => said("model_config_unknown_setting", `${setting}: not a setting`, { setting }));
  const setting = issue.path.join(".");
  const en = `${setting}: ${issue.message}`;
  if (!setting) return [said("model_config_not_object", "not an object of settings")];
  if (setting === "maxTokens") return [issue.code === "invalid_type" ? said("model_config_whole_number", en, { setting }) : said("model_config_tokens_range", en, { setting, min: 8, max: 8192 })];
  if (issue.code === "invalid_type") return [said("model_config_text", en, { setting })];
  if (issue.code === "too_small") return [said("model_config_name_empty", en)];
  return [said("model_config_too_long", en, { setting, limit: 100 })];
}

/** claimtrail.json's settings (none when it is absent), or every problem with it. */
async function readConfig(dir: string): Promise<ModelConfig | FileProblem> {
  let text: string;
  try {
    text = await readFile(path.join(dir, "claimtrail.json"), "utf8");
  } catch {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return one(said("model_config_not_json", `claimtrail.json is not valid JSON (${reason})`, { reason }));
  }
  const checked = modelConfigSchema.safeParse(parsed);
  if (checked.success) return checked.data;
  const problems = checked.error.issues.map((i) =>
    i.code === "unrecognized_keys" ? `${i.keys.join(", ")}: not a setting` : i.path.length ? `${i.path.join(".")}: ${i.message}` : "not an object of settings",
  );
  return {
    log: `claimtrail.json has ${problems.length === 1 ? "a wrong setting" : "wrong settings"} (${problems.join("; ")}; the settings are name, queryPrefix, passagePrefix, maxTokens)`,
    // Listed one setting at a time, each named with the file it is in.
    problems: checked.error.issues.flatMap(settingProblem).map((p) => ({ ...p, en: `claimtrail.json: ${p.en}` })),
  };
}

type Ort = typeof import("onnxruntime-web");

function l2normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/** Mean of the token vectors the attention mask keeps, or the sentence vector when the model already pooled. */
function pool(data: Float32Array, dims: readonly number[], mask: number[]): Float32Array {
  if (dims.length === 2) return l2normalise(Float32Array.from(data.subarray(0, dims[1]!)));
  if (dims.length !== 3) throw new EmbeddingModelError(`the model's output has shape [${dims.join(", ")}]; expected [1, tokens, dim] or [1, dim].`);
  const [, tokens, dim] = dims as [number, number, number];
  const out = new Float32Array(dim);
  let kept = 0;
  for (let t = 0; t < tokens; t++) {
    if (!mask[t]) continue;
    kept++;
    for (let d = 0; d < dim; d++) out[d]! += data[t * dim + d]!;
  }
  if (kept > 0) for (let d = 0; d < dim; d++) out[d]! /= kept;
  return l2normalise(out);
}

async function load(dir: string): Promise<Embedder> {
  const [modelRead, tokenizerRead, configRead] = await Promise.all([
    readRequired(dir, "model.onnx", "the sentence-embedding model in ONNX format"),
    readRequired(dir, "tokenizer.json", "the model's Hugging Face tokenizer"),
    readConfig(dir),
  ]);
  // Every problem at once, so an admin fixes them in one go rather than one per restart.
  const problems = [modelRead, tokenizerRead, configRead].filter(isProblem);
  const { Tokenizer } = await import("@huggingface/tokenizers");
  let tokenizer: InstanceType<typeof Tokenizer> | undefined;
  if (!isProblem(tokenizerRead)) {
    try {
      tokenizer = new Tokenizer(JSON.parse(tokenizerRead.toString("utf8")) as object, {});
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      problems.push(one(said("model_tokenizer_unusable", `tokenizer.json can't be used (${reason})`, { reason })));
    }
  }
  const ort: Ort = await import("onnxruntime-web");
  // One thread: the web process shares its cores with requests, and WASM threads need a worker script.
  ort.env.wasm.numThreads = 1;
  let session: Awaited<ReturnType<Ort["InferenceSession"]["create"]>> | undefined;
  if (!isProblem(modelRead)) {
    try {
      session = await ort.InferenceSession.create(new Uint8Array(modelRead));
      const inputs = session.inputNames.join(", ");
      if (!session.inputNames.includes("input_ids")) problems.push(one(said("model_no_input_ids", `model.onnx has no input_ids input (it has ${inputs}); export a text encoder`, { inputs })));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      problems.push(one(said("model_not_onnx", `model.onnx can't be loaded as an ONNX model (${reason})`, { reason })));
    }
  }
  if (problems.length || !session || !tokenizer || isProblem(modelRead) || isProblem(tokenizerRead) || isProblem(configRead)) {
    throw new EmbeddingModelError(
      `EMBEDDING_MODEL_DIR=${dir}: ${problems.map((p) => p.log).join("; ")}.`,
      problems.flatMap((p) => p.problems),
    );
  }
  const [modelBytes, tokenizerBytes, config] = [modelRead, tokenizerRead, configRead];
  const [model, words] = [session, tokenizer];
  const output = model.outputNames.includes("sentence_embedding") ? "sentence_embedding" : session.outputNames[0]!;
  const maxTokens = config.maxTokens ?? DEFAULT_MAX_TOKENS;

  // One text per run: no padding, and a long passage doesn't make a short one pay for its length.
  const embedOne = async (text: string): Promise<Float32Array> => {
    const encoded = words.encode(text);
    let ids = encoded.ids;
    if (ids.length > maxTokens) ids = [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]!];
    const mask = ids.map(() => 1);
    const shape = [1, ids.length];
    const feeds: Record<string, InstanceType<Ort["Tensor"]>> = {};
    for (const name of model.inputNames) {
      const values = name === "input_ids" ? ids : name === "attention_mask" ? mask : ids.map(() => 0);
      feeds[name] = new ort.Tensor("int64", BigInt64Array.from(values, (v) => BigInt(v)), shape);
    }
    const result = await model.run(feeds);
    const tensor = result[output]!;
    return pool(tensor.data as Float32Array, tensor.dims, mask);
  };

  let probe: Float32Array;
  try {
    probe = await embedOne("claimtrail");
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new EmbeddingModelError(`EMBEDDING_MODEL_DIR=${dir}: model.onnx failed on a test sentence (${reason}).`, [said("model_probe_failed", `model.onnx failed on a test sentence (${reason}).`, { reason })]);
  }
  const name = (config.name ?? path.basename(dir)).slice(0, 100);
  const hash = createHash("sha256").update(modelBytes).update(tokenizerBytes).update(JSON.stringify(config)).digest("hex").slice(0, 16);
  const prefix = (role: "query" | "passage") => (role === "query" ? config.queryPrefix : config.passagePrefix) ?? "";
  return {
    name,
    fingerprint: `${name}@${hash}`,
    dimension: probe.length,
    async embed(texts, role) {
      const out: Float32Array[] = [];
      for (const text of texts) out.push(await embedOne(prefix(role) + text));
      return out;
    },
  };
}

const loaded = new Map<string, Promise<Embedder>>();

/**
 * The configured model, loaded once per process; null when EMBEDDING_MODEL_DIR
 * is unset. Rejects with an EmbeddingModelError (the same one every time, so
 * a bad model is reported, not retried on every request) when it can't be used.
 */
export function loadEmbedder(): Promise<Embedder | null> {
  const dir = embeddingModelDir();
  if (!dir) return Promise.resolve(null);
  let promise = loaded.get(dir);
  if (!promise) {
    promise = load(dir).catch((err: unknown) => {
      if (err instanceof EmbeddingModelError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new EmbeddingModelError(`EMBEDDING_MODEL_DIR=${dir}: ${reason}`, [said("model_unusable", reason, { reason })]);
    });
    loaded.set(dir, promise);
  }
  return promise;
}

const reported = new Set<string>();

/** Logs why the model can't be used, once per process and message (the start-up report and the first suggestion both get here). */
export function reportModelProblem(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  console.error(`Matching by meaning is off: ${message} Suggestions match by words alone.`);
}

/**
 * The model, or null when it is off or broken: a broken model is logged once
 * per process and the app carries on matching by words alone.
 */
export async function usableEmbedder(): Promise<Embedder | null> {
  try {
    return await loadEmbedder();
  } catch (err) {
    reportModelProblem(err instanceof Error ? err.message : String(err));
    return null;
  }
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}
