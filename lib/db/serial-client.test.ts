import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { claimWorld, explanation, source } from "@/lib/claims/test-world";
import { addSource } from "@/lib/claims/sources";
import { setVerdict } from "@/lib/claims/set-verdict";
import { getClaim } from "@/lib/claims/get-claim";
import { db } from "./client";
import { PrismaClient } from "./generated/client";

/**
 * pg warns once per process ("Calling client.query() when the client is
 * already executing a query is deprecated", an error in pg 9) when a client
 * gets a query while another runs: Prisma does that with the include reads
 * of a transaction. Collected from the start of this file's process.
 */
const deprecations: string[] = [];
process.on("warning", (w) => {
  if (w.name === "DeprecationWarning") deprecations.push(w.message);
});

async function claimWithEverything() {
  const w = await claimWorld();
  const access = await w.as(w.annotator);
  let c = await w.claim("about 40,000 vehicles a day");
  c = await setVerdict(access, c.id, { verdict: "mostly-false", explanation: explanation("Counts show 31,000."), version: c.version });
  c = await addSource(access, c.id, source(c.version));
  return { access, c };
}

describe("queries on one connection", () => {
  it("the app's client reads a claim with all its relations inside a transaction without pg's concurrent-query deprecation", async () => {
    const { access, c } = await claimWithEverything(); // each of these writes already answers from inside its transaction
    const read = await db.$transaction((tx) => getClaim(access, c.id, tx));
    expect(read).toMatchObject({ id: c.id, verdict: "mostly-false", sources: [expect.objectContaining({ title: "Traffic count 2024" })] });
    // One read with six relations: Prisma loads them with concurrent queries on the transaction's one connection.
    const both = await db.$transaction((tx) => tx.claim.findUniqueOrThrow({ where: { id: c.id }, include: { mentions: true, sources: true, relationsFrom: true, relationsTo: true, comments: true, mergedFrom: true } }));
    expect(both.sources).toHaveLength(1);
    expect(deprecations).toEqual([]);
  });

  it("(control) the same read through a plain adapter-pg client does raise it, so the check above can fail", async () => {
    const { c } = await claimWithEverything();
    const plain = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
    try {
      // getClaim reads one after another inside a transaction now; this read of six relations still has Prisma send queries at once.
      await plain.$transaction((tx) => tx.claim.findUniqueOrThrow({ where: { id: c.id }, include: { mentions: true, sources: true, relationsFrom: true, relationsTo: true, comments: true, mergedFrom: true } }));
    } finally {
      await plain.$disconnect();
    }
    expect(deprecations).toEqual([expect.stringMatching(/already executing a query/)]);
  });
});
