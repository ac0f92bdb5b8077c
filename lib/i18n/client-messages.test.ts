import { describe, expect, it } from "vitest";
import { clientMessages } from "./client-messages";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";
import { NAMESPACES } from "./namespaces";

/**
 * Client components read the messages from lib/i18n/bundles (a chunk per locale) and server components from
 * loadMessages (one import per namespace): a namespace added to one and not the other would show markers in the
 * browser only. Both must hold every namespace, with the same messages.
 */
describe("client messages", () => {
  for (const locale of LOCALES) {
    it(`${locale}: the bundle holds exactly what the server reads, every namespace`, async () => {
      const client = await clientMessages(locale);
      expect(Object.keys(client).sort()).toEqual([...NAMESPACES].sort());
      expect(client).toEqual(await loadMessages(locale));
    });
  }

  it("gives the same promise every time for a locale, so React's use() finds it settled after the first render", () => {
    expect(clientMessages("ru")).toBe(clientMessages("ru"));
  });
});
