/**
 * Live updates across instances (issue 12): npm run bench -- --only live
 *
 * Two `next start` instances on one PostgreSQL. 50 simulated teammates hold
 * the workspace's live stream (Server-Sent Events) open on instance 2; the
 * bench edits claims over HTTP (API v1 updateClaim) through instance 1 and
 * measures, for every change and every teammate, the time from sending the
 * request to the change arriving on the stream. Every teammate must get every
 * change exactly once: missed and duplicated deliveries are counted.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import { ensureBuild, startTestServer } from "../scripts/lib/test-server";
import { liveTeam } from "./lib/live-team";
import { formatValue, percentile, recordAtMost, recordInfo } from "./lib/report";

const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 50);
const CHANGES = Number(process.env.BENCH_LIVE_CHANGES ?? 60);
/** Changes are made by this many writers at once, each one after another. */
const WRITERS = 3;
const scale = `2 instances, ${CLIENTS} teammates, ${CHANGES} changes`;

interface Client {
  /** statement → arrival time (ms, performance.now()) */
  got: Map<string, number>;
  seqs: number[];
  ready: Promise<void>;
  close: () => void;
}

/** An SSE client reading the stream with fetch, as a browser's EventSource would. */
function connect(url: string, headers: Record<string, string>): Client {
  const abort = new AbortController();
  const got = new Map<string, number>();
  const seqs: number[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  void (async () => {
    const res = await fetch(url, { headers: { ...headers, accept: "text/event-stream" }, signal: abort.signal });
    if (!res.ok || !res.body) throw new Error(`stream: HTTP ${res.status}`);
    const decoder = new TextDecoder();
    let buf = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let cut;
      while ((cut = buf.indexOf("\n\n")) >= 0) {
        const frame = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event === "ready") markReady();
        if (event === "change" && data) {
          const at = performance.now();
          const change = JSON.parse(data) as { seq: number; kind: string; data: { to?: unknown } };
          seqs.push(change.seq);
          if (change.kind === "claim.edited" && typeof change.data.to === "string") got.set(change.data.to, at);
        }
      }
    }
  })().catch((err: unknown) => {
    if ((err as Error).name !== "AbortError") console.error("stream ended:", (err as Error).message);
  });
  return { got, seqs, ready, close: () => abort.abort() };
}

async function main() {
  process.env.API_RATE_LIMIT = "1000000";
  process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
  ensureBuild();
  const one = await startTestServer({ quiet: true });
  const two = await startTestServer({ quiet: true, database: one.database });
  const clients: Client[] = [];
  try {
    const ws = await liveTeam(one.database.url, one.baseUrl, WRITERS * 4);
    const token = await encode({ token: { sub: ws.admin.id, sid: ws.admin.sessionId, name: ws.admin.name, email: ws.admin.email }, secret: one.env.NEXTAUTH_SECRET! });
    const cookie = { cookie: `next-auth.session-token=${token}` };
    const api = { authorization: `Bearer ${ws.apiToken}`, "content-type": "application/json" };
    const claims = ws.claims;

    for (let i = 0; i < CLIENTS; i++) clients.push(connect(`${two.baseUrl}/api/w/${ws.slug}/live`, cookie));
    await Promise.race([Promise.all(clients.map((c) => c.ready)), new Promise((_, reject) => setTimeout(() => reject(new Error("streams not ready in 30 s")), 30_000))]);

    const sentAt = new Map<string, number>();
    let failedWrites = 0;
    const writer = async (w: number) => {
      const mine = claims.filter((_, i) => i % WRITERS === w);
      for (let i = w; i < CHANGES; i += WRITERS) {
        const claim = mine[Math.floor(i / WRITERS) % mine.length];
        const statement = `Live bench change ${i} ${Date.now()}`;
        const t0 = performance.now();
        const res = await fetch(`${one.baseUrl}/api/v1/workspaces/${ws.slug}/claims/${claim.id}`, { method: "PATCH", headers: { ...api, "if-match": `"${claim.version}"` }, body: JSON.stringify({ statement }) });
        if (res.ok) {
          claim.version = ((await res.json()) as { version: number }).version;
          sentAt.set(statement, t0);
        } else {
          failedWrites++;
          console.error(`write ${i}: HTTP ${res.status} ${await res.text()}`);
        }
        // A team's pace, not a flood: about 10 changes a second in all.
        await new Promise((r) => setTimeout(r, 300));
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    // Wait for stragglers (up to 10 s), then count.
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && clients.some((c) => [...sentAt.keys()].some((s) => !c.got.has(s)))) await new Promise((r) => setTimeout(r, 100));

    const latencies: number[] = [];
    let missed = 0;
    let duplicated = 0;
    for (const c of clients) {
      for (const [statement, t0] of sentAt) {
        const at = c.got.get(statement);
        if (at === undefined) missed++;
        else latencies.push(at - t0);
      }
      duplicated += c.seqs.length - new Set(c.seqs).size;
    }
    const expected = clients.length * sentAt.size;
    const load = `load ${os.loadavg()[0].toFixed(1)}`;
    console.log(`\n${sentAt.size} changes × ${clients.length} teammates: ${latencies.length}/${expected} delivered, ${missed} missed, ${duplicated} duplicated, ${failedWrites} failed writes`);
    // Nothing delivered at all counts as the wait we gave up after (JSON has no Infinity).
    const p50 = latencies.length ? percentile(latencies, 50) : 10_000;
    const p95 = latencies.length ? percentile(latencies, 95) : 10_000;
    recordAtMost({ area: "live updates", measure: "p95 delivery, change via instance 1 → stream on instance 2", scale, value: p95, unit: "ms", note: `p50 ${formatValue(p50, "ms")}; max ${formatValue(latencies.length ? Math.max(...latencies) : 10_000, "ms")}; ${load}` }, 1000);
    recordAtMost({ area: "live updates", measure: "missed deliveries", scale, value: missed + (sentAt.size === 0 ? 1 : 0) + failedWrites * clients.length, unit: "", note: `${expected} expected` }, 0);
    recordAtMost({ area: "live updates", measure: "duplicated deliveries", scale, value: duplicated, unit: "" }, 0);
    recordInfo({ area: "live updates", measure: "p50 delivery", scale, value: p50, unit: "ms", note: load });
  } finally {
    for (const c of clients) c.close();
    await two.stop().catch(() => undefined);
    await one.stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
