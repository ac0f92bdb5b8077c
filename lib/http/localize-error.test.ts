import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enUi from "@/messages/en/ui.json";
import ruUi from "@/messages/ru/ui.json";
import ukUi from "@/messages/uk/ui.json";
import type { ApiError } from "@/components/ui/api";
import { localizeError, localizeFields, type ErrorTranslator } from "./localize-error";

const translator = (locale: string, ui: unknown) => createTranslator({ locale, messages: { ui } as unknown as Record<string, never>, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;

const refused: ApiError = {
  message: "Some fields are invalid.",
  fields: { title: "Keep the title under 300 characters.", url: "Use a full http:// or https:// address.", slug: "That address is taken by “Desk”.", odd: "Something only the server can say." },
  fieldCodes: { title: { code: "too_long", limit: 300 }, url: { code: "invalid_url" }, slug: { code: "conflict" }, odd: { code: "no_such_code" as never } },
  code: "invalid_fields",
  status: 400,
  body: {},
};

describe("localizeError()", () => {
  it("in English shows the server's own text, exactly", () => {
    expect(localizeError(refused, "en", translator("en", enUi))).toEqual(refused);
  });

  it("in Russian says each known code in Russian (with its limit), keeps the server's reason for the vague ones, and its English for an unknown code", () => {
    const ru = localizeError(refused, "ru", translator("ru", ruUi));
    expect(ru.message).toBe("Некоторые поля заполнены неверно.");
    expect(ru.fields).toEqual({
      title: "Слишком длинно: не больше 300 символов.",
      url: "Укажите полный адрес, начинающийся с http:// или https://.",
      slug: "Конфликт с существующими данными: That address is taken by “Desk”.",
      odd: "Something only the server can say.",
    });
    expect(ru.status).toBe(400);
  });

  it("in Ukrainian too, with Ukrainian plurals; an error without codes stays as the server wrote it", () => {
    const uk = translator("uk", ukUi);
    expect(localizeFields({ name: "Keep it under 2 characters." }, { name: { code: "too_long", limit: 2 } }, "uk", uk)).toEqual({ name: "Задовго: щонайбільше 2 символи." });
    const bare: ApiError = { message: "Request failed (418).", fields: { x: "Odd." }, status: 418, body: {} };
    expect(localizeError(bare, "uk", uk)).toEqual(bare);
    expect(localizeError({ ...bare, code: "network", status: 0 }, "uk", uk).message).toBe("Не вдається зв'язатися із сервером. Перевірте підключення і спробуйте знову.");
  });
});
