import { describe, expect, it } from "vitest";
import { coalesce, type ExportChunk } from "./export";

async function* from(chunks: ExportChunk[]): AsyncGenerator<ExportChunk> {
  yield* chunks;
}

async function collect(gen: AsyncGenerator<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const piece of gen) out.push(piece);
  return out;
}

describe("coalesce (a download's pieces)", () => {
  it("joins strings and bytes, in order, into pieces of at least the size, the last one the rest", async () => {
    const chunks: ExportChunk[] = ["[", Buffer.from("ab"), "", "«ü»", new Uint8Array(0), Buffer.from("cdef"), "\n]"];
    const pieces = await collect(coalesce(from(chunks), 4));
    expect(pieces.map((p) => Buffer.from(p).toString("utf8"))).toEqual(["[ab«ü»", "cdef", "\n]"]);
    expect(pieces.slice(0, -1).every((p) => p.byteLength >= 4)).toBe(true);
  });

  it("never splits a multi-byte character's bytes from a string across pieces it didn't get whole", async () => {
    const text = "Безработица снизилась ".repeat(50);
    const pieces = await collect(coalesce(from(text.match(/.{1,7}/gsu)!), 16));
    expect(Buffer.concat(pieces).toString("utf8")).toBe(text);
    for (const p of pieces) expect(() => new TextDecoder("utf-8", { fatal: true }).decode(p)).not.toThrow();
  });

  it("gives nothing for no bytes, and stops its source when the consumer stops", async () => {
    expect(await collect(coalesce(from(["", new Uint8Array(0)])))).toEqual([]);
    let stopped = false;
    async function* endless(): AsyncGenerator<ExportChunk> {
      try {
        for (;;) yield "0123456789";
      } finally {
        stopped = true;
      }
    }
    const pieces = coalesce(endless(), 25);
    expect(Buffer.from((await pieces.next()).value as Uint8Array).toString()).toBe("012345678901234567890123456789");
    await pieces.return(undefined);
    expect(stopped).toBe(true);
  });
});
