/**
 * A server's memory measured from outside, as an operator sees it: the
 * resident memory (VmRSS in /proc, Linux) of a process and all its
 * descendants, so a worker the server forks is counted too. Benches measure
 * the production server this way over HTTP, never their own process.
 */
import { readdirSync, readFileSync } from "node:fs";

export const MB = 1024 * 1024;

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
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
  let total = 0;
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
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
