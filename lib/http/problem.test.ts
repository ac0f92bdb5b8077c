import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, problem, UNKNOWN_FIELD_MESSAGE, zodFieldCodes } from "./problem";
import "@/lib/validation/zod-messages";

describe("problem()", () => {
  it("adds extension members (e.g. currentVersion on a stale write) without letting them override the standard ones", async () => {
    const res = problem(409, "Stale.", undefined, undefined, { currentVersion: 3, status: 200, detail: "x" });
    expect(await res.json()).toEqual({ type: "about:blank", title: "Conflict", status: 409, detail: "Stale.", currentVersion: 3, code: "stale_version" });
  });

  it("is RFC 9457 problem+json with the status, a title and the detail", async () => {
    const res = problem(404, "No such thing.", undefined, { "retry-after": "3" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ type: "about:blank", title: "Not found", status: 404, detail: "No such thing.", code: "not_found" });
  });

  it("includes errors only when there are some", async () => {
    expect(await problem(400, "Bad.", {}).json()).not.toHaveProperty("errors");
    expect(await problem(400, "Bad.", { email: "Nope." }).json()).toMatchObject({ errors: { email: "Nope." } });
    expect(await problem(418, "Teapot.").json()).toMatchObject({ title: "Error", status: 418 });
  });

  it("adds a machine code for the answer and each field beside the English, which stays as it was", async () => {
    const body = await problem(409, "Another article has this canonical address.", { canonicalUrl: "Taken." }).json();
    expect(body).toEqual({
      type: "about:blank",
      title: "Conflict",
      status: 409,
      detail: "Another article has this canonical address.",
      code: "conflict",
      errors: { canonicalUrl: "Taken." },
      fieldCodes: { canonicalUrl: { code: "conflict" } },
    });
    // Codes the maker knows (zod issues) win over the status's; a field it has no code for gets the status's.
    const given = await problem(400, "Some fields are invalid.", { title: "Long.", url: "Odd." }, undefined, { code: "invalid_fields", fieldCodes: { title: { code: "too_long", limit: 300 } } }).json();
    expect(given).toMatchObject({ code: "invalid_fields", fieldCodes: { title: { code: "too_long", limit: 300 }, url: { code: "invalid" } } });
    // No field errors: no field codes, even when the maker passed some.
    expect(await problem(429, "Slow down.", {}, undefined, { fieldCodes: { a: { code: "required" } } }).json()).not.toHaveProperty("fieldCodes");
    expect(await problem(429, "Slow down.").json()).toMatchObject({ code: "rate_limited" });
    expect(await problem(418, "Teapot.").json()).not.toHaveProperty("code");
  });
});

describe("fieldErrors()", () => {
  const schema = z.object({
    email: z.email("Enter a valid email address."),
    name: z.string().min(2, "Too short.").max(3, "Too long."),
    tags: z.array(z.string().min(1, "Empty tag.")),
    address: z.object({ city: z.string({ error: "City is required." }) }),
  });

  it("maps each zod issue to its dotted field path, first message per field", () => {
    const result = schema.safeParse({ email: "x", name: "a", tags: ["ok", "", ""], address: {} });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      email: "Enter a valid email address.",
      name: "Too short.",
      "tags.1": "Empty tag.",
      "tags.2": "Empty tag.",
      "address.city": "City is required.",
    });
  });

  it("keeps the first of several issues on one field", () => {
    const twice = z.string().min(5, "first").regex(/^\d+$/, "second");
    const result = z.object({ code: twice }).safeParse({ code: "ab" });
    expect(fieldErrors(result.error!)).toEqual({ code: "first" });
  });

  it("names a field's own bound before zod's safe-integer one, message and code alike (black-box s38 low: `1e20`)", () => {
    const result = z.object({ revision: z.int().min(1).max(1000) }).safeParse({ revision: 1e20 });
    expect(result.error!.issues[0].message).toBe("Far too large a number.");
    expect(fieldErrors(result.error!)).toEqual({ revision: "At most 1000." });
    expect(zodFieldCodes(result.error!.issues)).toEqual({ revision: { code: "too_big", limit: 1000 } });
    // Alone, the safe-integer issue still names the field.
    const alone = z.object({ n: z.int() }).safeParse({ n: 1e20 });
    expect(fieldErrors(alone.error!)).toEqual({ n: "Far too large a number." });
  });

  it("keys a strict object doesn't take are each named, with their codes", () => {
    const result = z.object({ a: z.string(), inner: z.object({ b: z.string() }).strict() }).strict().safeParse({ a: "x", langauge: "ru", inner: { b: "y", c: 1 } });
    expect(fieldErrors(result.error!)).toEqual({ langauge: UNKNOWN_FIELD_MESSAGE, "inner.c": UNKNOWN_FIELD_MESSAGE });
    expect(zodFieldCodes(result.error!.issues)).toEqual({ langauge: { code: "not_allowed" }, "inner.c": { code: "not_allowed" } });
    // A key named __proto__ (JSON.parse makes it an own key) is named too, not swallowed as the prototype.
    const proto = z.object({ a: z.string() }).strict().safeParse(JSON.parse('{"a":"x","__proto__":1}'));
    expect(Object.keys(fieldErrors(proto.error!))).toEqual(["__proto__"]);
    expect(JSON.parse(JSON.stringify(zodFieldCodes(proto.error!.issues)))).toEqual(JSON.parse('{"__proto__":{"code":"not_allowed"}}'));
  });

  it("an issue on the whole value goes under '_'", () => {
    const result = z.object({ a: z.string() }).safeParse("not an object");
    expect(Object.keys(fieldErrors(result.error!))).toEqual(["_"]);
  });
});
