import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { catalogueTranslatorFor, translatorFor } from "@/lib/i18n/translator";
import { kindGroups } from "./kind-groups";

// The webhook form names each group of events from webhooks.areas.* (components/webhooks/kind-picker.tsx), in
// every language, English included: a new area of change kinds needs its messages before it can be shown.
describe("webhook event groups", () => {
  it("every area has its own name and 'all' label in en, ru and uk", async () => {
    const areas = kindGroups().map((g) => g.area);
    expect(areas).toContain("claim");
    for (const locale of LOCALES) {
      const t = await catalogueTranslatorFor(locale);
      for (const area of areas) {
        expect(t.has(`webhooks.areas.${area}.name`), `${locale}: webhooks.areas.${area}.name`).toBe(true);
        expect(t.has(`webhooks.areas.${area}.all`), `${locale}: webhooks.areas.${area}.all`).toBe(true);
      }
    }
    const en = await translatorFor("en", "webhooks");
    expect(en("areas.claim.all")).toBe("All claim events");
    expect(en("areas.annotation.name")).toBe("Highlights");
    const uk = await translatorFor("uk", "webhooks");
    expect(uk("areas.claim.name")).toBe("Твердження");
  });
});
