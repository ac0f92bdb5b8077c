// glibc malloc settings for the server process, read by glibc when the process starts (so they can't be set
// from inside it afterwards).
//
// MALLOC_MMAP_THRESHOLD_: blocks of 64 KB or more are each their own mapping, given back to the system when
// freed. glibc's default starts at 128 KB but raises the threshold (up to 32 MB) each time such a block is freed,
// so after a burst of large buffers (an import's bundle, five exports at once) later ones come from the heap
// and stay resident after they are freed (fixed at 128 KB: 295 MB after the mixed workload where the default
// settled at 356; bench/results/mixed-memory-2026-12-03-session28.md). At 128 KB the network's 64 KB reads (the
// database's rows, uploads) still came from the main heap, which they left fragmented: 71 MB of it resident after
// the workload, 4 MB at start. At 64 KB they are mappings too: 284 MB after the workload, against 301 at 128 KB,
// side by side. 32 KB settled lower (236) but made every block from 32 KB up a mapping made and removed: the server's
// CPU per JSON Lines export doubled in process, and in the whole bench run with it the claims list's CPU per page was
// twice session 30's (bench/results/mixed-memory-2026-12-03-session31.md).
export const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: "65536" };

/**
 * Restarts this very process (same pid, arguments and standard streams; nothing of it left running) with
 * MALLOC_ENV added, unless the environment already sets them all (an operator's own values are kept) or
 * it can't: these are glibc's (Linux), and process.execve came with Node 22.15. Returns only when it did
 * nothing; on Node 20 the operator sets them (README, Configuration).
 */
export function execWithMallocSettings() {
  if (Object.keys(MALLOC_ENV).every((k) => process.env[k] !== undefined)) return;
  if (process.platform !== "linux" || typeof process.execve !== "function") return;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], { ...MALLOC_ENV, ...process.env });
}
