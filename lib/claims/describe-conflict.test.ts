import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { ClaimWords } from "@/components/claims/describe-event";
import { describeConflict } from "@/components/claims/use-claim";
import enClaims from "@/messages/en/claims.json";
import ruClaims from "@/messages/ru/claims.json";
import type { ClaimChange } from "@/lib/claims/claim-dto";

const words = (locale: string, claims: typeof enClaims) => (key: string, values?: Record<string, string | number>) =>
  (createTranslator({ locale, messages: { claims } }) as unknown as ClaimWords)(`claims.${key}`, values);

describe("a stale save's refusal in words", () => {
  it("names how many mentions, sources or related claims there are now, not a quoted number (black-box, session 30)", () => {
    const by = { id: "u1", name: "Demo Editor" };
    const changes = [
      { field: "sources", value: 0, by },
      { field: "claimant", value: "Harbour office", by },
    ] as unknown as ClaimChange[];
    expect(describeConflict(changes, words("en", enClaims))).toBe(
      "This claim changed since you loaded it: Demo Editor changed the sources (now 0); Demo Editor changed the claimant to “Harbour office”. Your change was not saved; the page now shows the current version.",
    );
    expect(describeConflict(changes, words("ru", ruClaims))).toContain("Demo Editor изменил(а) источники (теперь их 0)");
  });
});
