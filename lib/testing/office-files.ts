import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * PDF and Word files built in the tests (no binary fixtures): pdf-lib writes
 * PDFs with a real text layer, the docx package writes Word files.
 */

export interface PdfPage {
  /** Lines drawn from the top, in order; "" leaves a paragraph gap. */
  lines?: string[];
  /** Big first line (a headline). */
  headline?: string;
  /** Running header and footer (drawn last, as some producers do); "{n}" becomes the page number. */
  header?: string;
  footer?: string;
  /** A page with no text at all, only a drawn rectangle (a scanned page). */
  imageOnly?: boolean;
}

export async function makePdf(pages: PdfPage[], info: { title?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  if (info.title) pdf.setTitle(info.title);
  pages.forEach((spec, i) => {
    const page = pdf.addPage([595, 842]);
    if (spec.imageOnly) {
      page.drawRectangle({ x: 50, y: 100, width: 495, height: 640, borderWidth: 2 });
      return;
    }
    let y = 760;
    if (spec.headline) {
      page.drawText(spec.headline, { x: 60, y, size: 22, font: bold });
      y -= 40;
    }
    for (const line of spec.lines ?? []) {
      if (line) page.drawText(line, { x: 60, y, size: 11, font });
      y -= 15;
    }
    const n = String(i + 1);
    if (spec.header) page.drawText(spec.header.replace("{n}", n), { x: 60, y: 805, size: 9, font });
    if (spec.footer) page.drawText(spec.footer.replace("{n}", n), { x: 60, y: 30, size: 9, font });
  });
  return pdf.save();
}

/**
 * A PDF encrypted with a password nobody gave: pdf-lib can't encrypt, so this
 * is written by hand with a Standard security handler (RC4, revision 2) whose
 * /U entry matches no password the reader tries (the empty one included), as
 * with a real password-protected file.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex = (n: number) => "ab".repeat(n);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    "<< /Length 8 >>\nstream\n\x01\x02\x03\x04\x05\x06\x07\x08\nendstream",
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(32)}> /U <${hex(32)}> >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${hex(16)}> <${hex(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

/** A Word press release: title, headings, paragraphs, a bulleted list, a quote and a link. */
export async function makeDocx(options: { title?: string; paragraphs?: string[] } = {}): Promise<Uint8Array> {
  const doc = new Document({
    creator: "Claimtrail tests",
    styles: {
      paragraphStyles: [{ id: "Quote", name: "Quote", basedOn: "Normal", run: { italics: true } }],
    },
    numbering: {
      config: [{ reference: "bullets", levels: [{ level: 0, format: "bullet", text: "•", alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: options.title ?? "Harbour bridge to close for repairs", heading: HeadingLevel.TITLE }),
          ...(options.paragraphs ?? ["The harbour bridge carries about 40,000 vehicles a day, the council leader said on Monday."]).map((p) => new Paragraph({ children: [new TextRun(p)] })),
          new Paragraph({ text: "What changes", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Buses take the ring road.", numbering: { reference: "bullets", level: 0 } }),
          new Paragraph({ text: "Ferries run every ten minutes.", numbering: { reference: "bullets", level: 0 } }),
          new Paragraph({ text: "We will not raise fares this year.", style: "Quote" }),
          new Paragraph({
            children: [new TextRun("Details are on "), new ExternalHyperlink({ link: "https://council.example.org/bridge", children: [new TextRun({ text: "the council's site", style: "Hyperlink" })] }), new TextRun(".")],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
