import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./zod-messages";

const message = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0].message;

describe("zod's own messages in the house style (black-box s35, L3)", () => {
  it("says what was wanted and what came, without zod's wording", () => {
    expect(message(z.object({ a: z.number() }), {})).toBe("Required: give a value.");
    expect(message(z.coerce.number(), "abc")).toBe("Give a number.");
    expect(message(z.string(), 123)).toBe("Give text, not a number.");
    expect(message(z.number().min(0), -5)).toBe("At least 0.");
    expect(message(z.number().gt(0), 0)).toBe("More than 0.");
    expect(message(z.string().min(1), "")).toBe("Can't be empty: give a value.");
    expect(message(z.array(z.string()).min(1), [])).toBe("At least 1 item.");
    expect(message(z.string().min(3), "ab")).toBe("At least 3 characters.");
    expect(message(z.string().max(2), "abc")).toBe("At most 2 characters.");
    expect(message(z.array(z.string()).max(1), ["a", "b"])).toBe("At most 1 item.");
    expect(message(z.enum(["en", "ru", "uk"]), "de")).toBe("One of: en, ru, uk.");
    expect(message(z.literal("yes"), "no")).toBe('Only "yes" is taken here.');
    // zod's bound on every whole number is JavaScript's, not the field's: said without it.
    expect(message(z.int(), 1e20)).toBe("Far too large a number.");
    expect(message(z.int(), -1e20)).toBe("Far too small a number.");
  });

  it("leaves a schema's own message as it is", () => {
    expect(message(z.number({ error: "Send a version." }), "x")).toBe("Send a version.");
    expect(message(z.string().min(1, "Name it."), "")).toBe("Name it.");
  });
});
