import { describe, expect, it } from "vitest";
import { versionField } from "./schemas";

const message = (v: unknown) => versionField.safeParse(v).error?.issues[0].message;

describe("a claim change's version", () => {
  it("says missing only when it is missing, and a wrong kind of value as such (black-box s34, L4)", () => {
    expect(message(undefined)).toBe("Send the claim version you based this change on.");
    for (const v of ["1", 1.5, 1e300, null, true]) expect(message(v), String(v)).toBe("The claim's version is a whole number: send the version you read with the claim.");
    for (const v of [0, -1, 2 ** 31]) expect(message(v), String(v)).toBe("That is not a version of this claim.");
    expect(versionField.parse(3)).toBe(3);
  });
});
