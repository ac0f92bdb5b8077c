import { DomainError, invalid } from "@/lib/errors";

/**
 * A JSON request body of at most `max` bytes: a Content-Length over it is
 * refused before reading (413), and so is a body that grows past it.
 */
export async function readJsonLimited(req: Request, max: number): Promise<unknown> {
  const tooLarge = () => new DomainError(413, `The bundle is over the limit of ${Math.round(max / 1024 / 1024)} MB.`, {}, { limit: max });
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!req.body) throw invalid("Send the bundle as the request body.");
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
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw invalid("The bundle is not valid JSON.");
  }
}
