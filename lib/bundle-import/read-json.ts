import { DomainError, invalid } from "@/lib/errors";
import { readLimited } from "@/lib/http/read-limited";

/** A JSON bundle of at most `max` bytes (413 beyond it, before or while reading). */
export async function readJsonLimited(req: Request, max: number): Promise<unknown> {
  const text = await readLimited(req, max, () => new DomainError(413, `The bundle is over the limit of ${Math.round(max / 1024 / 1024)} MB.`, {}, { limit: max }));
  if (!text.trim()) throw invalid("Send the bundle as the request body.");
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("The bundle is not valid JSON.");
  }
}
