import { createRequire } from "node:module";

let trim: (() => boolean) | null | undefined;

/**
 * glibc's `malloc_trim(0)` as a function, or null where it can't be had (not Linux with glibc, or the FFI
 * package `koffi` not loadable on this platform).
 *
 * After a long import or a burst of exports, glibc's main heap stays at tens of megabytes though almost
 * all of it is free: blocks below the mmap threshold (scripts/lib/malloc-settings.mjs) freed in the middle of
 * the heap are kept by glibc for reuse, and `free` gives memory back only from the heap's top, which a single
 * block still in use pins. `malloc_trim` is the one call that hands the free pages in the middle back to the
 * system (madvise). Node doesn't call it, and has no way to call C but an FFI: koffi, with a prebuilt binary
 * for each platform, loaded only here. Made once.
 */
export function mallocTrim(): (() => boolean) | null {
  if (trim === undefined) {
    trim = null;
    // No glibc (another system, or musl): libc.so.6 or its malloc_trim isn't there, and loading throws. Asked
    // of the loader rather than of process.report, whose report costs a start-up a full diagnostic.
    if (process.platform === "linux") {
      try {
        // Required at run time, not bundled (next.config.js serverExternalPackages).
        const koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
        const fn = koffi.load("libc.so.6").func("int malloc_trim(size_t pad)") as (pad: number) => number;
        trim = () => fn(0) === 1;
      } catch {
        trim = null;
      }
    }
  }
  return trim;
}
