import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { makeDocx, makePdf } from "../lib/testing/office-files";
import { articleText, createWorkspace, highlight, mouseSelect, newPerson, selectionToolbar, signUpAndLand } from "./helpers";

/**
 * PDF and Word files uploaded in the browser (issue #13 §2), built by the
 * test itself: the PDF's pages show as "p. N" on highlights and mentions; the
 * detected language shows and can be corrected (§3).
 */

const panel = (page: Page) => page.getByRole("complementary", { name: "Highlights" });
const RUNNING = { header: "Port Alder Harbour Authority", footer: "Page {n} of 3" };
const PAGE_TWO = "Dredging will cost about 8 million euros";

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);
}

test("a PDF and a Word file upload in the browser; a highlight on page 2 says p. 2 in the reader and on its claim; a scan is refused by name; the language is shown and corrected", async ({ page }) => {
  test.setTimeout(300_000);
  await signUpAndLand(page, newPerson("Pdf"));
  const slug = await createWorkspace(page, "Pdf desk");
  const pdf = await makePdf([
    { headline: "Harbour dredging plan", lines: ["The harbour authority said dredging starts in March next year,", "once the permits are signed."], ...RUNNING },
    { lines: [`${PAGE_TWO} a year, the authority said.`], ...RUNNING },
    { lines: ["Work is planned to finish before the summer season begins."], ...RUNNING },
  ]);
  const docx = await makeDocx({ title: "Ferry fares stay the same", paragraphs: ["The ferry company said on Tuesday that fares will stay the same for the whole year."] });
  const scan = await makePdf([{ imageOnly: true }]);
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "Add articles" }).click();
  await page.getByLabel("Choose files").setInputFiles([
    { name: "dredging.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) },
    { name: "fares.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(docx) },
    { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from(scan) },
  ]);
  await page.getByRole("button", { name: "Import 3 files" }).click();
  const uploads = page.getByRole("list", { name: "Uploads" });
  // The first PDF loads pdf.js and the language data on the server: slow on a loaded machine.
  const expected = { "dredging.pdf": "Added", "fares.docx": "Added", "scan.pdf": /Failed: .*OCR/ };
  for (const [name, status] of Object.entries(expected)) await expect(uploads.getByRole("listitem").filter({ hasText: name })).toContainText(status, { timeout: 60_000 });

  // The Word file: its headings, list and quote made it through.
  await uploads.getByRole("listitem").filter({ hasText: "fares.docx" }).getByRole("link", { name: "Added" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ferry fares stay the same" })).toBeVisible();
  await expect(articleText(page).getByRole("heading", { name: "What changes" })).toBeVisible();
  await expect(articleText(page).getByRole("listitem")).toHaveText(["Buses take the ring road.", "Ferries run every ten minutes."]);
  await expect(articleText(page).locator("blockquote")).toHaveText("We will not raise fares this year.");
  await expect(page.getByTitle("Language: en")).toHaveText("English");

  // The PDF: running header and footer gone, its pages known.
  await page.goto(`/w/${slug}`);
  const list = page.getByRole("list", { name: "Articles" });
  await expect(list.getByRole("link", { name: /Harbour dredging plan/ })).toContainText("English");
  await list.getByRole("link", { name: /Harbour dredging plan/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour dredging plan" })).toBeVisible();
  await expect(articleText(page)).not.toContainText("Port Alder Harbour Authority");
  await expect(articleText(page)).not.toContainText("Page 1 of 3");

  await mouseSelect(page, articleText(page), PAGE_TWO);
  await expect(selectionToolbar(page)).toBeVisible();
  const created = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/annotations"));
  await page.keyboard.press("h");
  const res = await created;
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await expect(highlight(page, id).first()).toBeVisible();
  const entry = panel(page).locator(`#ann-${id}`);
  await expect(entry).toContainText("p. 2");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/pdf-reader-1280.png" });

  // Its claim's page lists the mention with its page.
  await entry.getByRole("button", { name: "Make claim" }).click();
  const composer = page.getByRole("dialog", { name: "Mark as claim" });
  await composer.getByRole("button", { name: "Create claim" }).click();
  await expect(composer).toHaveCount(0);
  await page.getByRole("region", { name: "Claim" }).getByRole("link", { name: "Open claim →" }).click();
  const mentions = page.locator("section[aria-labelledby=mentions-heading]");
  await expect(mentions.getByRole("listitem").first()).toContainText("p. 2");
  await page.goBack();

  // The language: detected, then corrected in Edit article.
  await expect(page.getByTitle("Language: en")).toHaveText("English");
  await page.getByRole("link", { name: "Edit article" }).click();
  await page.getByLabel("Language").fill("not a code!");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByText("Use a language code like en or pt-BR.")).toBeVisible();
  await expect(page.getByLabel("Language")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Language").fill("en-GB");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTitle("Language: en-GB")).toHaveText("British English", { timeout: 30_000 });
  // The page survives the edit: the highlight still says p. 2.
  await expect(panel(page).locator(`#ann-${id}`)).toContainText("p. 2");

  await expectNoSeriousAxeViolations(page, "reader with a PDF article");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: "test-results/pdf-reader-390.png" });
});
