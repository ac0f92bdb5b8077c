import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { base64, makePdf } from "@/lib/testing/office-files";
import { articleMetadataSchema } from "../metadata";
import { importArticle } from "./index";
import { byScript, detectLanguage } from "./language";

/** Our own paragraphs, news-like, a few sentences each. */
const PARAGRAPHS: Record<string, string[]> = {
  en: [
    "The harbour bridge carries about 40,000 vehicles a day, the council leader said on Monday, and repairs will close it for a year.",
    "Ferry operators said they would add crossings during the closure, but warned that fares could rise if fuel prices kept climbing.",
  ],
  ru: [
    "Мост через гавань ежедневно пропускает около сорока тысяч автомобилей, заявил в понедельник глава городского совета.",
    "Паромные компании пообещали добавить рейсы на время ремонта, но предупредили, что цены на билеты могут вырасти.",
  ],
  uk: [
    "Міст через гавань щодня пропускає близько сорока тисяч автомобілів, заявив у понеділок голова міської ради.",
    "Поромні компанії пообіцяли додати рейси на час ремонту, але попередили, що ціни на квитки можуть зрости.",
  ],
  de: ["Die Hafenbrücke wird täglich von etwa vierzigtausend Fahrzeugen überquert, sagte der Ratsvorsitzende am Montag."],
  fr: ["Le pont du port voit passer environ quarante mille véhicules par jour, a déclaré lundi le président du conseil municipal."],
  es: ["El puente del puerto soporta unos cuarenta mil vehículos al día, dijo el lunes el presidente del consejo municipal."],
};

describe("detectLanguage", () => {
  it.each(Object.entries(PARAGRAPHS).flatMap(([lang, ps]) => ps.map((p) => [lang, p] as const)))("%s: %s", async (lang, paragraph) => {
    expect(await detectLanguage(paragraph)).toBe(lang);
  });

  it("short texts fall back to the script, and only where it says enough", async () => {
    expect(await detectLanguage("Мост закроют.")).toBeNull(); // Cyrillic, but Russian, Bulgarian or Serbian?
    expect(await detectLanguage("Мост закроют на ремонт: мы")).toBe("ru"); // ы is Russian
    expect(await detectLanguage("Міст закриють")).toBe("uk"); // і is Ukrainian
    expect(await detectLanguage("Bridge to close")).toBeNull(); // Latin script says nothing
    expect(await detectLanguage("Η γέφυρα κλείνει")).toBe("el");
    expect(await detectLanguage("123 456 — !!!")).toBeNull();
    expect(await detectLanguage("")).toBeNull();
    expect(byScript("橋は閉鎖される")).toBe("ja");
  });

  it("a file's own declaration is used when the text can't tell, and loses to a reliable detection", async () => {
    expect(await detectLanguage("Bridge to close", "en-GB")).toBe("en-GB");
    expect(await detectLanguage(PARAGRAPHS.ru[0], "en")).toBe("ru");
    // A declaration the text confirms keeps its region.
    expect(await detectLanguage(PARAGRAPHS.en[0], "en-GB")).toBe("en-GB");
    expect(await detectLanguage(PARAGRAPHS.en[0], "pt-BR")).toBe("en");
  });

  it("every code it gives is one the article schema accepts (BCP 47)", async () => {
    for (const ps of Object.values(PARAGRAPHS)) {
      const code = await detectLanguage(ps[0]);
      expect(articleMetadataSchema.shape.language.parse(code)).toBe(code);
    }
  });

  const CORPUS = path.resolve(process.cwd(), "../shared/corpus");
  it.skipIf(!existsSync(CORPUS))("the reference corpus: every English paragraph of 40 letters or more is detected as English", async () => {
    let checked = 0;
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith(".txt"))) {
      for (const paragraph of readFileSync(path.join(CORPUS, file), "utf8").split(/\n\s*\n/)) {
        const letters = paragraph.match(/\p{L}/gu) ?? [];
        const latin = paragraph.match(/\p{Script=Latin}/gu) ?? [];
        if (letters.length < 40 || latin.length < letters.length * 0.9) continue;
        expect(await detectLanguage(paragraph), `${file}: ${paragraph.slice(0, 60)}`).toBe("en");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("language on import", () => {
  it("is detected for pasted text, HTML and PDF; given wins; none when unsure", async () => {
    const { workspace } = await makeWorkspace();
    const ws = { workspaceId: workspace.id, actorId: null };
    const language = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id }, select: { language: true } })).language;
    const pasted = await importArticle({ ...ws, content: PARAGRAPHS.uk.join("\n\n") });
    expect(await language(pasted.article.id)).toBe("uk");
    // The page template says English; the text is Russian.
    const html = await importArticle({ ...ws, filename: "page.html", content: `<html lang="en"><body><p>${PARAGRAPHS.ru.join("</p><p>")}</p></body></html>` });
    expect(await language(html.article.id)).toBe("ru");
    const pdf = await importArticle({ ...ws, filename: "de.pdf", content: base64(await makePdf([{ lines: PARAGRAPHS.de[0].match(/.{1,60}(\s|$)/g)!.map((l) => l.trim()) }])) });
    expect(await language(pdf.article.id)).toBe("de");
    const given = await importArticle({ ...ws, content: PARAGRAPHS.en[0], metadata: { language: "en-GB" } });
    expect(await language(given.article.id)).toBe("en-GB");
    const unsure = await importArticle({ ...ws, content: "Bridge: 40,000 cars" });
    expect(await language(unsure.article.id)).toBeNull();
  });

  it("a bad language code is a 400 naming the field, with nothing stored", async () => {
    const { workspace } = await makeWorkspace();
    await expect(importArticle({ workspaceId: workspace.id, actorId: null, content: PARAGRAPHS.en[1], metadata: { language: "english please" } })).rejects.toMatchObject({
      status: 400,
      fields: { language: "Use a language code like en or pt-BR." },
    });
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
