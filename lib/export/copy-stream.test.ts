import { describe, expect, it } from "vitest";
import { BinaryCopyValues } from "./copy-stream";

/** A binary COPY stream as PostgreSQL writes it: signature, flags, header extension, tuples (NULL as -1), -1. */
function binaryCopy(rows: (string | null)[][]): Buffer {
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const value of row) {
      const len = Buffer.alloc(4);
      const bytes = value === null ? null : Buffer.from(value, "utf8");
      len.writeInt32BE(bytes ? bytes.length : -1);
      parts.push(len, ...(bytes ? [bytes] : []));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const ROWS: (string | null)[][] = [
  ['{"a":"Безработица"}\n'],
  [""],
  [null],
  ["x,\r\n", null, "🙂 y"],
  ['{"b":1}\n'],
];
const VALUES = ROWS.flat().filter((v): v is string => v !== null).join("");

describe("BinaryCopyValues", () => {
  it("gives the values' bytes in order, wherever the network cuts the stream", () => {
    const stream = binaryCopy(ROWS);
    for (let cut = 0; cut <= stream.length; cut++) {
      for (const size of [1, 3, cut || 1]) {
        const parser = new BinaryCopyValues();
        const out: Buffer[] = [];
        const pieces = [stream.subarray(0, cut), ...Array.from({ length: Math.ceil((stream.length - cut) / size) }, (_, i) => stream.subarray(cut + i * size, cut + (i + 1) * size))];
        for (const piece of pieces) {
          const values = parser.push(Buffer.from(piece));
          if (values) out.push(Buffer.from(values));
        }
        expect(Buffer.concat(out).toString("utf8")).toBe(VALUES);
        expect(parser.rows).toBe(ROWS.length);
        expect(parser.ended).toBe(true);
      }
    }
  });

  it("gives whole tuples with NULL as null, however the stream is cut", () => {
    const stream = binaryCopy(ROWS);
    for (let cut = 0; cut <= stream.length; cut++) {
      const parser = new BinaryCopyValues();
      const tuples = [...parser.tuples(Buffer.from(stream.subarray(0, cut))), ...parser.tuples(Buffer.from(stream.subarray(cut)))];
      expect(tuples.map((t) => t.map((f) => (f === null ? null : f.toString("utf8"))))).toEqual(ROWS);
    }
  });

  it("refuses a stream that isn't binary COPY", () => {
    expect(() => new BinaryCopyValues().push(Buffer.from("id,statement\n1,hello\n2,world\n"))).toThrow("Not a binary COPY stream");
  });
});
