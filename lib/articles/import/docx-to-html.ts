import mammoth from "mammoth";
import { invalid, said } from "@/lib/errors";

/** Word's own quote styles, which mammoth's default style map leaves as plain paragraphs. */
const STYLE_MAP = ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh", "p[style-name='Title'] => h1:fresh"];

/** Unpacked, a Word file's parts may hold this much; mammoth reads them whole, in the request, so a zip bomb would stall the server (a black-box tester's 31 KB file unpacked to 30 MB and held it for 100 s). */
export const MAX_DOCX_UNPACKED_BYTES = 20 * 1024 * 1024;

/**
 * The sizes a zip's central directory declares for its files, summed; null
 * when there is no readable directory (mammoth then refuses the file itself).
 */
function declaredUnpackedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let entry = view.getUint32(at + 16, true);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (entry + 46 > bytes.length || view.getUint32(entry, true) !== 0x02014b50) return null;
      const size = view.getUint32(entry + 24, true);
      // 0xFFFFFFFF: the real size is in a ZIP64 field; no Word file needs that, so count it as too big.
      total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    return total;
  }
  return null;
}

const label = (filename: string | null | undefined) => (filename ? `"${filename}"` : "The Word file");

/**
 * A Word (.docx) file as HTML through mammoth: headings, paragraphs, lists,
 * quotes and links; the HTML then goes through the same sanitising as any
 * uploaded page. Images are left out (never inlined as data). A file that
 * isn't a .docx (not a zip, or no Word document inside) is a 400 naming
 * `content`.
 */
export async function docxToHtml(bytes: Uint8Array, filename?: string | null): Promise<string> {
  // Every .docx is a zip archive, which starts with "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw invalid(`${label(filename)} is not a Word document.`, { content: said("file_not_docx", "This file is not a .docx Word document (old .doc files: save them as .docx first).") });
  }
  const unpacked = declaredUnpackedBytes(bytes);
  if (unpacked !== null && unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw invalid(`${label(filename)} unpacks to more than 20 MB.`, { content: said("file_docx_too_big", "This Word file holds more than 20 MB once unpacked; split it or save it as text.", { mb: 20 }) });
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    return result.value;
  } catch (err) {
    // In our words, not the library's ("Are you sure this is a valid .docx file?"): a zip without a Word document in it, or a damaged one.
    const noDocument = /main document part/i.test((err as Error).message);
    throw invalid(`${label(filename)} is not a readable Word document.`, {
      content: noDocument
        ? said("file_docx_no_document", "This file is a zip archive but holds no Word document; open it in Word and save it as .docx.")
        : said("file_docx_damaged", "This .docx is damaged and can't be read; open it in Word and save it again."),
    });
  }
}
