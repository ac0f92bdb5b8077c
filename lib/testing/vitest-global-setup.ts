import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

/**
 * One fresh, migrated database for the whole vitest run; tests that need a
 * database server of their own (migrations, drift) use TEST_SERVER_URL.
 */
let database: TestDatabase | undefined;

export async function setup() {
  process.env.TEST_SERVER_URL = process.env.DATABASE_URL ?? "";
  database = await createTestDatabase(process.env.DATABASE_URL);
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "vitest-secret";
}

export async function teardown() {
  await database?.drop();
}
