import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { describeEvent, type ClaimWords } from "@/components/claims/describe-event";
import enClaims from "@/messages/en/claims.json";
import ruClaims from "@/messages/ru/claims.json";
import ukClaims from "@/messages/uk/claims.json";
import enCommon from "@/messages/en/common.json";
import ruCommon from "@/messages/ru/common.json";
import ukCommon from "@/messages/uk/common.json";
import type { Verdict } from "./verdicts";

/**
 * A claim's history in the viewer's language (components/claims/describe-event.ts): the claim
 * page passes its translator; without one the events read in English, as before issue 14.
 */
const LABELS = { true: "True", "mostly-true": "Mostly true", mixed: "Mixed", "mostly-false": "Mostly false", false: "False", unverifiable: "Unverifiable", "not-a-claim": "Not a claim" } as Record<Verdict, string>;

const words = (locale: string, claims: typeof enClaims, common: typeof enCommon) => createTranslator({ locale, messages: { claims, common } }) as unknown as ClaimWords;

const EVENTS = [
  { kind: "created", data: {} },
  { kind: "edited", data: { field: "claimDate", from: null, to: "2021-12-17" } },
  { kind: "review-state", data: { from: "unreviewed", to: "in-review" } },
  { kind: "verdict", data: { from: null, to: "false" } },
  { kind: "source-edited", data: { title: "Port timetable", changes: [{ field: "publishedAt" }, { field: "stance" }] } },
  { kind: "relation-added", data: { otherStatement: "A third of customers", type: "responds-to" } },
  { kind: "something-new", data: {} },
];

describe("describeEvent in each language", () => {
  it("reads in English without a translator, and the same with the English catalogue", () => {
    const expected = [
      "created the claim",
      "changed the claim date from “—” to “17 December 2021”",
      "moved it from Unreviewed to In review",
      "changed the verdict from no verdict to False",
      "edited a source: Port timetable (published date, stance)",
      "linked “A third of customers” (responds-to)",
      "something-new",
    ];
    expect(EVENTS.map((e) => describeEvent(e, LABELS, "en-GB"))).toEqual(expected);
    expect(EVENTS.map((e) => describeEvent(e, LABELS, "en-GB", words("en", enClaims, enCommon)))).toEqual(expected);
  });

  it("reads in Russian, with dates in Russian and the workspace's verdict labels as given", () => {
    expect(EVENTS.map((e) => describeEvent(e, LABELS, "ru", words("ru", ruClaims, ruCommon)))).toEqual([
      "создал(а) утверждение",
      "изменил(а) дату утверждения: «—» → «17 декабря 2021 г.»",
      "перевёл(а) из состояния «Не проверено» в «На проверке»",
      "изменил(а) вердикт: без вердикта → False",
      "изменил(а) источник: Port timetable (дата публикации, позиция)",
      "связал(а) с «A third of customers» (отвечает на)",
      "something-new",
    ]);
  });

  it("reads in Ukrainian", () => {
    expect(EVENTS.slice(0, 4).map((e) => describeEvent(e, LABELS, "uk", words("uk", ukClaims, ukCommon)))).toEqual([
      "створив(ла) твердження",
      "змінив(ла) дату твердження: «—» → «17 грудня 2021 р.»",
      "перевів(ла) зі стану «Не перевірено» у «На перевірці»",
      "змінив(ла) вердикт: без вердикту → False",
    ]);
  });
});
