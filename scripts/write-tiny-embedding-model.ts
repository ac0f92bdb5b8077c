// Usage: tsx scripts/write-tiny-embedding-model.ts <dir>
// Writes the tests' tiny sentence-embedding model (model.onnx + tokenizer.json, lib/testing/tiny-embedding-model.ts)
// into <dir>: for trying EMBEDDING_MODEL_DIR end to end (e2e/meaning.spec.ts) without a real model.
import { writeTinyModel } from "../lib/testing/tiny-embedding-model";

const axis = (i: number) => Array.from({ length: 8 }, (_, d) => (d === i ? 1 : 0));
const dir = process.argv[2];
if (!dir) throw new Error("Usage: tsx scripts/write-tiny-embedding-model.ts <dir>");
writeTinyModel(dir, {
  words: { war: axis(0), invaded: axis(0), attacked: axis(0), russia: axis(1), moscow: axis(1), ukraine: axis(2), kyiv: axis(2), festival: axis(3), weather: axis(4), economy: axis(5), music: axis(6), sport: axis(7) },
});
console.log(`Wrote ${dir}/model.onnx and ${dir}/tokenizer.json`);
