import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { POST } from "@/app/api/w/[slug]/import-bundle/route";
import { config } from "@/proxy";
import { bundleEvents } from "./stream";

/** The session is next-auth's; membership, permission, streaming, checks and the import run for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

/** The limit the API had while it read bundles whole. */
const OLD_LIMIT = 50 * 1024 * 1024;
const AT = "2024-01-01T00:00:00.000Z";

function claim(i: number, statement: string) {
  return {
    id: `claim-${i}`,
    statement,
    claimant: null,
    claimDate: null,
    reviewState: "unreviewed",
    verdict: null,
    explanation: null,
    explanationText: "",
    tags: [],
    assigneeId: null,
    createdById: null,
    approvedById: null,
    approvedAt: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

/** A bundle of `n` claims as JSON text, written a claim at a time (as an export writes it). */
function* bundleText(n: number, statement: (i: number) => string): Generator<string> {
  yield JSON.stringify({ format: "claimtrail-bundle", version: 1, exportedAt: AT, workspace: { id: "w", slug: "w", name: "W", createdAt: AT, verdictLabels: {} }, filters: {} }).slice(0, -1);
  yield ',\n"articles":[],\n"annotations":[],\n"claims":[';
  for (let i = 0; i < n; i++) yield (i ? ",\n" : "\n") + JSON.stringify(claim(i, statement(i)));
  yield '\n],\n"sources":[],\n"relations":[],\n"events":[],\n"comments":[],\n"tags":[],\n"people":[]\n}\n';
}

/** A request whose body arrives in pieces, without a Content-Length (as a streamed upload does). */
function streamedPost(slug: string, parts: Iterable<string>, query: string) {
  const encoder = new TextEncoder();
  const it = parts[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      // Pieces of about 1 MB, so the body never exists as one string on this side either.
      let chunk = "";
      for (let next = it.next(); !next.done; next = chunk.length < 1 << 20 ? it.next() : { done: true, value: undefined }) {
        chunk += next.value;
        if (chunk.length >= 1 << 20) break;
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      else controller.close();
    },
  });
  const req = new Request(`http://localhost/api/w/${slug}/import-bundle${query}`, { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
  return POST(req, { params: Promise.resolve({ slug }) });
}

async function admin() {
  const { workspace, admin } = await makeWorkspace();
  session.user = { ...admin } as CurrentUser;
  return workspace;
}

describe("bundleEvents (incremental JSON)", () => {
  it("gives each section's entities one by one and the header whole, whatever the chunking", async () => {
    const text = [...bundleText(3, (i) => `Claim ${i}, with "quotes" and \u00e9 and 😀`)].join("");
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 7, 64, bytes.length]) {
      const chunks = async function* () {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      };
      const events = [];
      for await (const batch of bundleEvents(chunks())) events.push(...batch);
      expect(events.filter((e) => e.kind === "item").map((e) => (e.value as { statement: string }).statement)).toEqual([0, 1, 2].map((i) => `Claim ${i}, with "quotes" and \u00e9 and 😀`));
      expect(events.find((e) => e.kind === "key" && e.key === "workspace")).toMatchObject({ value: { id: "w", verdictLabels: {} } });
      expect(events.find((e) => e.kind === "key" && e.key === "claims")).toEqual({ kind: "key", key: "claims", value: [] });
      expect(events.find((e) => e.kind === "key" && e.key === "version")).toEqual({ kind: "key", key: "version", value: 1 });
    }
  });

  it("refuses bytes that aren't UTF-8, text that isn't JSON, and a document cut short", async () => {
    const run = async (...parts: (string | Uint8Array)[]) => {
      try {
        for await (const batch of bundleEvents((async function* () {
          yield* parts;
        })())) void batch;
        return null;
      } catch (err) {
        return (err as { status?: number; message: string }).status;
      }
    };
    expect(await run(new Uint8Array([0x7b, 0x22, 0xff, 0x22]))).toBe(400);
    expect(await run('{"format": nope}')).toBe(400);
    expect(await run('{"claims": [{"id": "a"},')).toBe(400);
    expect(await run('{"a": 1} {"b": 2}')).toBe(400);
    expect(await run("[1, 2]")).toBe(400);
    expect(await run("   ")).toBe(400);
  });

  it("says where the JSON went wrong: cut short (how many bytes came), a bad byte (which), or more after its end (black-box, session 32)", async () => {
    const message = async (...parts: (string | Uint8Array)[]) => {
      try {
        for await (const batch of bundleEvents((async function* () {
          yield* parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p));
        })())) void batch;
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    };
    // Cut off mid-way through the second chunk: every byte that came is counted.
    expect(await message('{"format": "claimtrail-bundle", ', '"claims": [{"id": "a"},')).toBe("The bundle ends before its JSON is complete, after 55 bytes: the file may have been cut off.");
    // The 12th byte, "x", is where it stops being JSON (counted from 1, across chunks).
    expect(await message('{"format": ', "x}")).toBe("The bundle is not valid JSON at byte 12.");
    expect(await message('{"a": 1}', ' {"b": 2}')).toBe("The bundle's JSON is complete, but more data follows it.");
    expect(await message('{"a": 1}\n')).toBeNull();
    // Bytes that aren't UTF-8 (black-box, session 36: the message named no place): the first bad one, counted across
    // chunks; a character split between chunks is no error, and one the file's end cuts short is named where it starts.
    const euro = Buffer.from("€"); // 3 bytes
    expect(await message('{"a": "', Buffer.concat([euro.subarray(0, 2)]), Buffer.concat([euro.subarray(2), Buffer.from('", "b": "\ufffd x'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]))).toBe(
      "The bundle is not valid UTF-8 text at byte 25.",
    );
    expect(await message('{"a": "', Buffer.from([0xe2, 0x82]))).toBe("The bundle is not valid UTF-8 text at byte 8.");
    expect(await message(Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22]))).toBe("The bundle is not valid UTF-8 text at byte 3."); // a surrogate's bytes
  });
});

describe("POST /api/w/[slug]/import-bundle, streamed", () => {
  it(
    "takes a bundle over the old 50 MB limit as a stream and plans it",
    async () => {
      const workspace = await admin();
      const statement = (i: number) => `Claim ${i}: ${"the figure was checked against the register ".repeat(40)}`.slice(0, 1990);
      const n = 27_000;
      let size = 0;
      for (const part of bundleText(n, statement)) size += Buffer.byteLength(part);
      expect(size).toBeGreaterThan(OLD_LIMIT);
      const res = await streamedPost(workspace.slug, bundleText(n, statement), "");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ dryRun: true, plan: { create: { claims: n, articles: 0 } } });
      expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(0);
    },
    240_000,
  );

  it("writes a streamed bundle in one transaction: all of it, or nothing when the JSON breaks off midway", async () => {
    const workspace = await admin();
    const parts = [...bundleText(2500, (i) => `Streamed claim ${i}`)];
    const whole = parts.join("");
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    const broken = await streamedPost(workspace.slug, [cut], "?dryRun=false");
    expect(broken.status).toBe(400);
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(0);

    // Valid JSON, but a claim in the middle breaks a rule: 422 naming it, nothing written.
    const bad = parts.map((p) => p.replace('"id":"claim-1700","statement":"Streamed claim 1700"', '"id":"claim-1700","statement":""'));
    const refused = await streamedPost(workspace.slug, bad, "?dryRun=false");
    expect(refused.status).toBe(422);
    expect((await refused.json()).issues).toEqual([expect.objectContaining({ path: "claims.1700.statement" })]);
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const ok = await streamedPost(workspace.slug, parts, "?dryRun=false");
    expect(ok.status).toBe(200);
    const out = await ok.json();
    expect(Object.keys(out.claims)).toHaveLength(2500);
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(2500);
    const one = await db.claim.findUniqueOrThrow({ where: { id: out.claims["claim-1234"] } });
    expect(one.statement).toBe("Streamed claim 1234");
  }, 120_000);
});

describe("the import route without proxy.ts", () => {
  it("is left out of the proxy (which would read the whole body first), and applies its checks itself", async () => {
    // The matcher's pattern, as Next.js anchors it.
    const proxied = new RegExp(`^${config.matcher[0]}$`);
    expect(proxied.test("/api/w/desk/import-bundle")).toBe(false);
    for (const path of ["/api/w/desk/claims", "/w/desk", "/api/w/desk/import-bundle/x", "/api/w/desk/export"]) expect(proxied.test(path), path).toBe(true);

    const workspace = await admin();
    const foreign = new Request(`http://localhost/api/w/${workspace.slug}/import-bundle?dryRun=false`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", host: "localhost" },
      body: [...bundleText(1, () => "Cross-site")].join(""),
    });
    const res = await POST(foreign, { params: Promise.resolve({ slug: workspace.slug }) });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-security-policy")).toContain("default-src");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
