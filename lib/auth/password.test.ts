import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { createUser, newUserSchema } from "@/lib/users/create-user";
import { uniqueEmail } from "@/lib/testing/fixtures";
import { MIN_PASSWORD_LENGTH, dummyPasswordHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("a long enough password");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain("a long enough password");
    expect(await verifyPassword(hash, "a long enough password")).toBe(true);
    expect(await verifyPassword(hash, "a long enough passworD")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password here"), hashPassword("same password here")]);
    expect(a).not.toBe(b);
  });

  it("a malformed stored hash verifies as false instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("the dummy hash for unknown emails is an argon2id hash that no real password matches", async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy.startsWith("$argon2id$")).toBe(true);
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword(dummy, "")).toBe(false);
  });
});

describe("createUser", () => {
  it("stores an argon2id hash, never the password, and the email lower-cased", async () => {
    const password = "hunter2-but-longer";
    const email = uniqueEmail("Mixed").replace("mixed", "MiXeD");
    const input = newUserSchema.parse({ name: "  Ada  ", email, password });
    const user = await createUser(input);
    expect(user).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: "Ada" });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(password);
    expect(JSON.stringify(row)).not.toContain(password);
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
  });

  it("rejects a duplicate email case-insensitively with 409 and an email field error", async () => {
    const email = uniqueEmail();
    await createUser(newUserSchema.parse({ name: "First", email, password: "first password" }));
    const err = await createUser(newUserSchema.parse({ name: "Second", email: email.toUpperCase(), password: "second password" })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).status).toBe(409);
    expect((err as DomainError).fields).toEqual({ email: expect.stringMatching(/already exists/) });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("two simultaneous sign-ups with one email: exactly one account, the other a 409", async () => {
    const email = uniqueEmail();
    const input = newUserSchema.parse({ name: "Racer", email, password: "racing password" });
    const results = await Promise.allSettled([createUser(input), createUser(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((rejected.reason as DomainError).status).toBe(409);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("the schema refuses short passwords, blank names and bad emails, naming each field", () => {
    const result = newUserSchema.safeParse({ name: "  ", email: "nope", password: "x".repeat(MIN_PASSWORD_LENGTH - 1) });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "email", "password"]));
    const passwordIssue = result.error!.issues.find((i) => i.path[0] === "password");
    expect(passwordIssue?.message).toBe(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
    expect(newUserSchema.safeParse({ name: "A", email: "a@b.co", password: "x".repeat(MIN_PASSWORD_LENGTH) }).success).toBe(true);
  });

  it("the schema explains missing fields in words, not zod's type jargon", () => {
    const result = newUserSchema.safeParse({});
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      name: "Enter your name.",
      email: "Enter your email address.",
      password: "Enter a password.",
    });
  });
});
