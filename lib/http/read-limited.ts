import { invalid, said } from "@/lib/errors";

/**
 * A request body as text, of at most `max` bytes: a Content-Length over it is
 * refused before reading, and so is a body that grows past it while streaming.
 * `tooLarge` builds what to throw, so each caller keeps its own error type.
 * Bytes that aren't UTF-8 are a 400.
 */
export async function readLimited(req: Request, max: number, tooLarge: () => Error): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    // Fatal: bytes that aren't UTF-8 are refused rather than silently stored as U+FFFD.
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalid(said("not_utf8", "The request body is not valid UTF-8 text."), { _: said("not_utf8", "Not valid UTF-8.") });
  }
}
