/**
 * A server's memory and CPU time measured from outside, as an operator sees
 * them: the resident memory (VmRSS in /proc, Linux) and CPU time of a process
 * and all its descendants, so a worker the server forks is counted too. Benches measure
 * the production server this way over HTTP, never their own process.
 */
import { readdirSync, readFileSync } from "node:fs";

export const MB = 1024 * 1024;

/** Each process's children, from /proc. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** A process and all its descendants. */
function tree(pid: number): number[] {
  const children = childrenByParent();
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return out;
}

/** A process and its descendants as an operator's `ps` shows them: id, parent, command line and resident memory. */
export function processTree(pid: number): { pid: number; ppid: number; command: string; rssMb: number }[] {
  const out: { pid: number; ppid: number; command: string; rssMb: number }[] = [];
  for (const p of tree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      out.push({
        pid: p,
        ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1]),
        command: readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").filter(Boolean).join(" "),
        rssMb: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024,
      });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of tree(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * Where a process tree's resident memory is, by kind of mapping (Linux /proc/<pid>/smaps), in MB: glibc's main
 * heap (`[heap]`: small blocks malloc keeps after free), other anonymous mappings (V8's heap, threads' malloc
 * arenas, large blocks mapped on their own) and files (the node binary, libraries). What tells an allocator's
 * fragmentation from live data apart, as far as /proc can.
 */
export function treeRssByKind(pid: number): { heapMb: number; anonMb: number; fileMb: number } {
  let heap = 0;
  let anon = 0;
  let file = 0;
  for (const p of tree(pid)) {
    let text: string;
    try {
      text = readFileSync(`/proc/${p}/smaps`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    let kind: "heap" | "anon" | "file" = "anon";
    for (const line of text.split("\n")) {
      const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (mapping) {
        const name = mapping[1];
        kind = name === "[heap]" ? "heap" : name.startsWith("/") ? "file" : "anon";
        continue;
      }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (!rss) continue;
      const kb = Number(rss[1]);
      if (kind === "heap") heap += kb;
      else if (kind === "file") file += kb;
      else anon += kb;
    }
  }
  return { heapMb: heap / 1024, anonMb: anon / 1024, fileMb: file / 1024 };
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux the app runs on). */
const USER_HZ = 100;

/**
 * CPU time (user + system) a process and its descendants have used, in ms. A
 * request's CPU cost hardly depends on how busy the machine is, unlike its
 * wall-clock time, so benches report it beside their latencies.
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of tree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / USER_HZ;
}

/** Peak resident memory of a process tree, sampled every `everyMs` (50 ms by default). */
export function sampler(pid: () => number | undefined, everyMs = 50) {
  const first = pid();
  const base = first ? treeRss(first) : 0;
  let peak = base;
  const tick = () => {
    const p = pid();
    if (p) peak = Math.max(peak, treeRss(p));
  };
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { baseMb: base / MB, peakMb: peak / MB, growthMb: (peak - base) / MB };
    },
  };
}

/**
 * CPU time (ms) each backend serving the current database has used so far
 * (PostgreSQL on this machine, read from /proc), keyed by pid: the difference
 * of two snapshots is what a request cost the database, whichever pooled
 * connection served it. `pids` runs the caller's own query for CLIENT_BACKENDS_SQL.
 */
/**
 * The pids of the database's client backends but the asker's own. Client backends only: an autovacuum worker
 * cleaning up after the bench's own seeding is no part of the work measured (one analysing 90k fresh claims
 * during the meaning bench's queries had made its "database CPU per suggestion" 49 ms where other runs read 10).
 */
export const CLIENT_BACKENDS_SQL = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

export async function backendCpu(pids: () => Promise<number[]>): Promise<Map<number, number>> {
  return new Map((await pids()).map((pid) => [pid, treeCpuMs(pid)]));
}

/** CPU time the database's backends spent between two backendCpu snapshots (a backend that appeared in between counts from 0). */
export function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
}

/** A PostgreSQL backend's CPU time (user + system) in ms, from /proc (the server runs on this machine); null once it has ended. */
export function backendCpuMs(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}
