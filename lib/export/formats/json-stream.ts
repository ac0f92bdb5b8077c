/**
 * Writing one large JSON value a piece at a time: arrays whose items arrive in
 * batches. Every item goes on its own line, so the output diffs well.
 */
export async function* jsonArrayItems<T>(pages: AsyncIterable<T[]>, map: (row: T) => unknown, indent = ""): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    let chunk = "";
    for (const row of page) {
      chunk += (first ? "\n" : ",\n") + indent + JSON.stringify(map(row));
      first = false;
    }
    if (chunk) yield chunk;
  }
  if (!first) yield "\n";
}
