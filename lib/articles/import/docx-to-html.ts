import mammoth from "mammoth";
import { invalid } from "@/lib/errors";

/** Word's own quote styles, which mammoth's default style map leaves as plain paragraphs. */
const STYLE_MAP = ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh", "p[style-name='Title'] => h1:fresh"];

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
    throw invalid(`${label(filename)} is not a Word document.`, { content: "This file is not a .docx Word document (old .doc files: save them as .docx first)." });
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    return result.value;
  } catch (err) {
    throw invalid(`${label(filename)} is not a readable Word document.`, { content: `This .docx can't be read (${(err as Error).message.split("\n")[0] || "damaged file"}).` });
  }
}
