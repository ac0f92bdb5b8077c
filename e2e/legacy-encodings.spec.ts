import { expect, test } from "./test";
import { encodeSingleByte } from "../lib/testing/single-byte";
import { articleText, createWorkspace, newPerson, signUpAndLand } from "./helpers";

/**
 * Text files saved in the old Cyrillic encodings (issue 14's tester, X27): a Windows-1251 Russian file and a
 * KOI8-U Ukrainian one, dropped on the upload form, become articles in their own letters, and the list says
 * how each was read. Before, the browser read them as UTF-8 and stored a wall of U+FFFD.
 */
const RUSSIAN = "Захарова заявила, что Россия ждёт письменных ответов на свои предложения.";
const UKRAINIAN = "Кулеба заявив, що Україна не поступиться своїми інтересами.";

test("a Windows-1251 and a KOI8-U text file import in their own letters, and the list says how each was read", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpAndLand(page, newPerson("Codepage"));
  const slug = await createWorkspace(page, "Codepage desk");
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "Add articles" }).click();
  await page.getByLabel("Choose files").setInputFiles([
    { name: "zakharova-cp1251.txt", mimeType: "text/plain", buffer: Buffer.from(encodeSingleByte(`Заявление МИД\n\n${RUSSIAN}`, "windows-1251")) },
    { name: "kuleba-koi8.txt", mimeType: "text/plain", buffer: Buffer.from(encodeSingleByte(`Заява МЗС\n\n${UKRAINIAN}`, "koi8-u")) },
  ]);
  await page.getByRole("button", { name: "Import 2 files" }).click();
  const uploads = page.getByRole("list", { name: "Uploads" });
  const russian = uploads.getByRole("listitem").filter({ hasText: "zakharova-cp1251.txt" });
  const ukrainian = uploads.getByRole("listitem").filter({ hasText: "kuleba-koi8.txt" });
  await expect(russian).toContainText("Added", { timeout: 60_000 });
  await expect(russian).toContainText("Заявление МИД");
  await expect(russian).toContainText("Read as Windows-1251 text (the file isn't UTF-8).");
  await expect(ukrainian).toContainText("Added", { timeout: 60_000 });
  await expect(ukrainian).toContainText("Read as KOI8 text (the file isn't UTF-8).");

  await russian.getByRole("link", { name: "Added" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Заявление МИД" })).toBeVisible();
  await expect(articleText(page)).toHaveText(RUSSIAN);
  await page.goBack();
  await page.goto(`/w/${slug}`);
  await page.getByRole("list", { name: "Articles" }).getByRole("link", { name: /Заява МЗС/ }).click();
  await expect(articleText(page)).toHaveText(UKRAINIAN);
  await expect(articleText(page)).not.toContainText("\uFFFD");
});
