import { readFile } from "node:fs/promises";
import path from "node:path";

/** Prisma's query compiler for PostgreSQL, as its package ships it: a module whose one export is the WebAssembly in base64. */
export const QUERY_COMPILER_BASE64_MODULE = "node_modules/@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs";

/**
 * Prisma's query compiler, compiled from its file read as text, or null where the file isn't where a project's
 * own node_modules would hold it (the caller then imports the module, as Prisma's generated client does).
 *
 * Why not the import: a module's source text and its exported string stay in the heap for the life of the process
 * (the module can't be unloaded), and here both are the 4.6 MB base64 of the compiler: 9.2 MB of every server's
 * memory, measured in a heap snapshot of the production server at start. Read as a file, both are garbage once
 * compiled. scripts/prisma-generate.mjs points the generated client here.
 */
export async function loadQueryCompilerWasm(root = process.cwd()): Promise<WebAssembly.Module | null> {
  let text: string;
  try {
    text = await readFile(/* turbopackIgnore: true */ path.join(root, QUERY_COMPILER_BASE64_MODULE), "utf8");
  } catch {
    return null;
  }
  const base64 = /"([A-Za-z0-9+/]+={0,2})"/.exec(text)?.[1];
  return base64 ? new WebAssembly.Module(Buffer.from(base64, "base64")) : null;
}
