import { readFileSync } from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { db } from "./client";
import { loadQueryCompilerWasm } from "./query-compiler-wasm";

describe("Prisma's query compiler read from its file (lib/db/query-compiler-wasm.ts)", () => {
  it("is the module Prisma's own base64 import gives, export for export", async () => {
    const fromFile = await loadQueryCompilerWasm();
    expect(fromFile).toBeInstanceOf(WebAssembly.Module);
    // Prisma's own module, imported as its generated client did (a variable: the package declares no types for it).
    const specifier: string = "@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs";
    const { wasm } = (await import(specifier)) as { wasm: string };
    const imported = new WebAssembly.Module(Buffer.from(wasm, "base64"));
    expect(WebAssembly.Module.exports(fromFile!)).toEqual(WebAssembly.Module.exports(imported));
    expect(WebAssembly.Module.imports(fromFile!)).toEqual(WebAssembly.Module.imports(imported));
  });

  it("is null where no node_modules holds it, so the generated client falls back to the import", async () => {
    expect(await loadQueryCompilerWasm(os.tmpdir())).toBeNull();
  });

  it("is what the generated client loads (scripts/prisma-generate.mjs patched it), and queries run through it", async () => {
    expect(readFileSync("lib/db/generated/internal/class.ts", "utf8")).toContain(`(await import("../../query-compiler-wasm")).loadQueryCompilerWasm()`);
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });
});
