/**
 * `text`'s bytes in a single-byte encoding (Windows-1251, KOI8-U, Windows-1252…), for tests of files saved
 * that way. Built from TextDecoder's own table of the encoding, inverted: no encoder library needed.
 */
export function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  const decoded = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...decoded].forEach((ch, i) => table.set(ch, i));
  return Uint8Array.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${ch} has no byte in ${encoding}`);
      return b;
    }),
  );
}
