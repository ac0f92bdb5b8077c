// Runs `prisma generate` without letting Prisma download its native schema
// engine (no internet here): generate never runs it, it only has to exist.
// Then points the generated client's query compiler loader at lib/db/query-compiler-wasm.ts (why: there).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
if (result.status !== 0) process.exit(result.status ?? 1);

export const CLASS_FILE = "lib/db/generated/internal/class.ts";
const GENERATED_LOADER = `  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs")`;
const OUR_LOADER = `  getQueryCompilerWasmModule: async () => {
    const fromFile = await (await import("../../query-compiler-wasm")).loadQueryCompilerWasm()
    if (fromFile) return fromFile
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs")`;
const source = readFileSync(CLASS_FILE, "utf8");
if (source.includes(GENERATED_LOADER)) writeFileSync(CLASS_FILE, source.replace(GENERATED_LOADER, OUR_LOADER));
else console.warn(`[claimtrail] ${CLASS_FILE}: Prisma's query compiler loader was not found as expected; left as generated (lib/db/query-compiler-wasm.test.ts fails until this script is updated)`);
