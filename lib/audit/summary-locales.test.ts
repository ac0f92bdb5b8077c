import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/kinds";
import { catalogueTranslatorFor } from "@/lib/i18n/translator";
import { summarizeChange } from "./summary";

/** Audit summaries are written from each change's data when read, so they read in the viewer's language. */
const base = { seq: 1, workspaceId: "w", actorId: "u", claimId: null, articleId: null, subjectId: null, createdAt: new Date("2026-12-01T10:00:00Z") };
const change = <K extends Change["kind"]>(kind: K, data: Extract<Change, { kind: K }>["data"]) => ({ ...base, kind, data }) as Change;

const CHANGES: Change[] = [
  change("claim.review-state", { from: "unreviewed", to: "in-review" } as never),
  change("claim.verdict", { from: null, to: "mostly-false" } as never),
  change("member.role-changed", { user: { id: "u2", name: "Olena" }, from: "viewer", to: "reviewer" } as never),
  change("import.completed", { kind: "bundle", articles: 2, claims: 5, annotations: 1 } as never),
  change("annotation.reanchored", { count: 3, orphaned: 1 } as never),
  change("claim.relation-added", { otherStatement: "Prices doubled", type: "responds-to" } as never),
];

describe("summarizeChange in each language", () => {
  it("reads in English by default, naming roles, states and verdicts by their built-in names", () => {
    expect(CHANGES.map((c) => summarizeChange(c))).toEqual([
      "Review state Unreviewed → In review",
      "Verdict none → Mostly false",
      "Olena: Viewer → Reviewer",
      "Imported Claimtrail bundle: 2 articles, 5 claims, 1 highlight",
      "Re-anchored 3 highlights (1 orphaned)",
      "Linked (responds-to) “Prices doubled”",
    ]);
  });

  it("reads in Russian with the Russian catalogue, plurals included", async () => {
    const t = await catalogueTranslatorFor("ru");
    expect(CHANGES.map((c) => summarizeChange(c, t))).toEqual([
      "Статус проверки: Не проверено → На проверке",
      "Вердикт: нет → В основном неправда",
      "Olena: Читатель → Рецензент",
      "Импорт (пакет Claimtrail): 2 статьи, 5 утверждений, 1 выделение",
      "Перепривязано 3 выделения (потеряли место: 1)",
      "Связано (отвечает на) с «Prices doubled»",
    ]);
  });

  it("reads in Ukrainian with the Ukrainian catalogue", async () => {
    const t = await catalogueTranslatorFor("uk");
    const said = CHANGES.map((c) => summarizeChange(c, t));
    expect(said[0]).toBe("Стан перевірки: Не перевірено → На перевірці");
    expect(said[3]).toBe("Імпорт (пакет Claimtrail): 2 статті, 5 тверджень, 1 виділення");
    for (const line of said) expect(line).not.toMatch(/⟦|Review state|Verdict|Imported|Re-anchored|Linked/);
  });

  it("names recorded values (settings fields, how an article came in, webhook actions, languages) in the reader's language", async () => {
    const values: Change[] = [
      change("settings.changed", { changes: [{ field: "verdictLabels", from: {}, to: {} }, { field: "requireSecondApprover", from: false, to: true }] } as never),
      change("article.created", { title: "Гарантии", via: "url" } as never),
      change("webhook.changed", { action: "created", url: "https://hooks.example/x", kinds: [] } as never),
      change("webhook.resent", { url: "https://hooks.example/x", deliveryId: "d", changeKind: "claim.created" } as never),
      change("glossary.changed", { action: "created", language: "uk", term: "гарантії", english: "guarantees" } as never),
    ];
    expect(values.map((c) => summarizeChange(c))).toEqual([
      "Changed settings: verdict labels, second approver",
      "Added article “Гарантии” (by address)",
      "Webhook created: https://hooks.example/x",
      "Re-sent a “Claim created” delivery to https://hooks.example/x",
      "Added “гарантії” = “guarantees” (Ukrainian) to the glossary",
    ]);
    const ru = values.map(async (c) => summarizeChange(c, await catalogueTranslatorFor("ru")));
    expect(await Promise.all(ru)).toEqual([
      "Изменены настройки: названия вердиктов, второй утверждающий",
      "Добавлена статья «Гарантии» (по адресу)",
      "Вебхук (создан): https://hooks.example/x",
      "Повторно отправлена доставка «Утверждение создано» на https://hooks.example/x",
      "В глоссарий добавлено «гарантії» = «guarantees» (украинский)",
    ]);
    const uk = await catalogueTranslatorFor("uk");
    for (const line of values.map((c) => summarizeChange(c, uk))) expect(line).not.toMatch(/verdictLabels|requireSecondApprover|\(url\)|created|claim\.created|\(uk\)/);
  });

  it("keeps a value the catalogue doesn't know as it was stored", async () => {
    const t = await catalogueTranslatorFor("ru");
    expect(summarizeChange(change("member.joined", { user: { id: "u3", name: "Ivan" }, role: "auditor", via: "cli" } as never), t)).toBe("Ivan присоединяется с ролью «auditor»");
  });
});
