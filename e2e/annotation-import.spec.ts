import { expect as baseExpect, test } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { addArticle } from "./action-setup";
import { createWorkspace, newPerson, signUp } from "./helpers";
import { expectNoLeftoverEnglish, expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

// Sign-up hashes a password (argon2id) and each step renders on the server: slow when the shared machine is loaded.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Add articles › Import annotations from other tools: upload → the report per span → Import → the reader. */

const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

test("annotation import: a broken file is refused with the reason; a Hypothesis file is checked span by span, imported onto the article picked, and its highlights name their author", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, newPerson("Importer"));
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
  const slug = await createWorkspace(page, "Annotation import desk");
  const title = "Harbour expansion approved";
  await addArticle(page, slug, title, ["The harbour will double in size by 2030, the minister said.", "Fishermen say the plan ignores them — قال الصيادون 🐟."]);

  await page.goto(`/w/${slug}/import`);
  const section = page.getByRole("region", { name: "Import annotations from other tools" });
  const file = section.getByLabel("Annotation file");

  // Malformed files: a human sentence under the file control, naming the place, never a parser's message or "content:".
  const problem = section.locator("#annotations-file-problem");
  await file.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('[\n  {"uri": "https://x.example",\n    "target": [}\n]') });
  await expect(problem.getByRole("alert")).toHaveText(`This file isn't valid JSON (line 3, column 16: unexpected "}").`);
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAttribute("aria-describedby", "annotations-file-problem");
  // A pretty-printed file with a typo: invalid JSON at its line, not "not a format" (it isn't JSON Lines).
  await file.setInputFiles({ name: "pretty.json", mimeType: "application/json", buffer: Buffer.from('{\n "rows": [\n  {"text": "hi", }\n ]\n}') });
  await expect(problem.getByRole("alert")).toHaveText(`This file isn't valid JSON (line 3, column 18: unexpected "}").`);
  // An image task has no text: a file of only such tasks is refused; one among text tasks is left out and reported.
  const textTask = { data: { text: "The harbour will double in size." }, annotations: [{ result: [{ type: "labels", value: { start: 4, end: 11, text: "harbour", labels: ["Place"] } }] }] };
  const imageTask = { data: { image: "http://x.example/y.png" }, annotations: [{ result: [{ type: "labels", value: { start: 0, end: 4, labels: ["X"] } }] }] };
  await file.setInputFiles({ name: "images.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([imageTask])) });
  await expect(problem).toContainText("Label Studio file: task 1 has no text.");
  await expect(problem.getByRole("listitem")).toHaveText([/^Entry 1 \(data\.text\): It has no text, only data\.image/]);
  await expect(problem).not.toContainText("content");
  await expect(problem).not.toContainText("[1]");
  await expectNoSeriousAxeViolations(page, "annotation import error");

  await file.setInputFiles({ name: "tasks.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([textTask, imageTask])) });
  await expect(section.getByText("1 task is left out; the other tasks can be imported:")).toBeVisible();
  await expect(section.getByText(/^task 2: It has no text, only data\.image/)).toBeVisible();

  await section.getByLabel("Place them on").selectOption({ label: title });
  const hypothesis = {
    total: 3,
    rows: [
      { uri: "https://elsewhere.example/harbour", user: "acct:jane@hypothes.is", text: "Check the 2030 date", tags: ["harbour"], target: [{ source: "https://elsewhere.example/harbour", selector: [{ type: "TextQuoteSelector", exact: "double in size by 2030", prefix: "The harbour will " }] }] },
      { uri: "https://elsewhere.example/harbour", user: "acct:sam@hypothes.is", target: [{ source: "https://elsewhere.example/harbour", selector: [{ type: "TextQuoteSelector", exact: "قال الصيادون 🐟" }] }] },
      { uri: "https://elsewhere.example/harbour", user: "acct:jane@hypothes.is", target: [{ source: "https://elsewhere.example/harbour", selector: [{ type: "TextQuoteSelector", exact: "the airport closes on Sundays" }] }] },
    ],
  };
  await file.setInputFiles({ name: "hypothesis.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hypothesis)) });
  await expect(section.getByText("2 placed, 0 moved, 1 orphaned.", { exact: false })).toBeVisible();
  const table = section.getByRole("region", { name: "Annotations in the file" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("Placed");
  await expect(rows.nth(1)).toContainText("double in size by 2030");
  await expect(rows.nth(3)).toContainText("Orphaned");
  await expect(rows.nth(3)).toContainText("The quoted words aren't in the article.");
  await expect(rows.nth(3)).toContainText("Kept as an orphaned highlight");

  // The report at both widths: accessible, nothing wider than the screen.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => page.evaluate(noSidewaysScroll)).toBe(true);
    await expectNoSeriousAxeViolations(page, `annotation import report at ${width}px`);
    await section.screenshot({ path: `test-results/annotation-import-report-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Cancel leaves nothing behind; the same file again, then Import.
  await section.getByRole("button", { name: "Cancel" }).click();
  await expect(table).toHaveCount(0);
  await file.setInputFiles({ name: "hypothesis.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hypothesis)) });
  await section.getByRole("button", { name: "Import 3 highlights" }).click();
  await expect(section.getByRole("status")).toContainText("Imported 2 highlights from Hypothesis. 1 orphaned highlight was kept to place by hand.");
  await section.getByRole("link", { name: title }).click();
  await page.waitForURL(/\/articles\/[^/]+$/);

  const panel = page.getByRole("complementary", { name: "Highlights" });
  // Jane's placed highlight and her orphaned one (below) both name her.
  await expect(panel.getByText("jane (imported from Hypothesis)")).toHaveCount(2);
  await expect(panel.getByText("sam (imported from Hypothesis)")).toBeVisible();
  await expect(panel.getByText("Check the 2030 date")).toBeVisible();
  // The span that couldn't be placed is listed with the orphans, not lost.
  await expect(panel.getByRole("region", { name: /^Orphaned/ })).toContainText("the airport closes on Sundays");
  await page.screenshot({ path: "test-results/annotation-import-reader.png" });

  // The same file a second time adds nothing: each span is already highlighted.
  await page.goto(`/w/${slug}/import`);
  await section.getByLabel("Place them on").selectOption({ label: title });
  await file.setInputFiles({ name: "hypothesis.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hypothesis)) });
  await expect(section.getByText("3 already highlighted", { exact: false })).toBeVisible();
  await expect(section.getByRole("button", { name: "Import 0 highlights" })).toBeDisabled();
});

test("annotation import in Russian: each span's reason, its notices and what is left out are said in Russian", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, newPerson("Importru"));
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
  const slug = await createWorkspace(page, "Annotation import ru desk");
  await setLocaleCookie(page.context(), new URL(page.url()).origin, "ru");
  await page.goto(`/w/${slug}/import`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  const section = page.getByRole("region", { name: "Импорт аннотаций из других инструментов" });
  const file = section.getByLabel("Файл аннотаций");
  const text = "The harbour will double in size.";
  // A task with a good span, a span past the text's end and one with 22 tags; an image task with no text.
  const tags = Array.from({ length: 22 }, (_, i) => `tag${i}`);
  const tasks = [
    {
      data: { text },
      annotations: [
        {
          result: [
            { type: "labels", value: { start: 4, end: 11, text: "harbour", labels: ["Place"] } },
            { type: "labels", value: { start: 40, end: 50, labels: ["Place"] } },
            { type: "labels", value: { start: 17, end: 23, text: "double", labels: tags } },
          ],
        },
      ],
    },
    { data: { image: "http://x.example/y.png" }, annotations: [{ result: [{ type: "labels", value: { start: 0, end: 4, labels: ["X"] } }] }] },
  ];
  await file.setInputFiles({ name: "tasks.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(tasks)) });
  const table = section.getByRole("region", { name: "Аннотации в файле" }).getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: "Потеряно" })).toContainText("Смещения 40–50 выходят за текст (32 симв.).");
  await expect(table.getByRole("row").filter({ hasText: "tag0" })).toContainText("Сохранены только первые 20 из 22 тегов.");
  await expect(section.getByText(/^задача 2: В нём нет текста, только data\.image/)).toBeVisible();
  const english = ["are beyond the text", "tags are kept", "It has no text", "data.text is only", "(a file's address"];
  await expectNoLeftoverEnglish(page, english);
  await expectNoMissingMessages(page);

  // doccano JSON Lines with a line that isn't JSON: left out, said in Ukrainian.
  await setLocaleCookie(page.context(), new URL(page.url()).origin, "uk");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  const ukSection = page.getByRole("region", { name: "Імпорт анотацій з інших інструментів" });
  const lines = [JSON.stringify({ text, label: [[4, 11, "Place"]] }), "{ not json", JSON.stringify({ text, label: [[4, 11, "Place"]] })].join("\n");
  await ukSection.getByLabel("Файл анотацій").setInputFiles({ name: "doccano.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(lines) });
  await expect(ukSection.getByText(/^рядок 2: Неприпустимий JSON\.$/)).toBeVisible();
  await expectNoLeftoverEnglish(page, ["Not valid JSON"]);
  await expectNoMissingMessages(page);
  await expectNoSeriousAxeViolations(page, "annotation import report in Ukrainian");
});
