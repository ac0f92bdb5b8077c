import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import type { BundleSource } from "./index";

/**
 * An upload as a bundle source that can be read twice without holding it:
 * the first read streams the request body (refused past `max` bytes, declared
 * or streamed, with `tooLarge()`) and copies it to a temporary file as it
 * goes; later reads stream that file. `dispose()` removes the file.
 */
export async function spooledUpload(req: Request, max: number, tooLarge: () => Error): Promise<{ source: BundleSource; dispose(): Promise<void> }> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  const dir = await mkdtemp(path.join(tmpdir(), "claimtrail-bundle-"));
  const file = path.join(dir, "bundle.json");
  let spooled = false;
  async function* first(): AsyncGenerator<Uint8Array> {
    const out = createWriteStream(file);
    let size = 0;
    try {
      if (req.body) {
        for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.byteLength;
          if (size > max) throw tooLarge();
          if (!out.write(chunk)) await once(out, "drain");
          yield chunk;
        }
      }
      out.end();
      await once(out, "finish");
      spooled = true;
    } finally {
      if (!spooled) out.destroy();
    }
  }
  return {
    source: () => (spooled ? (createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>) : first()),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
