"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

/**
 * Work that must happen eventually, such as fetching what a teammate's change
 * names. The change has already moved the stream past it, so a failed fetch
 * (offline for a moment, a deploy answering 503) must not be the end of it:
 * `run()` does the work, and while it answers false it is tried again after
 * 1 s, 2 s, 4 s … (at most 15 s apart), and at once when the browser comes
 * back online. Runs never overlap; one asked for during a run follows it.
 * `failing` is true from a failure until the next success.
 */
export function useRetrying(work: () => Promise<boolean>): { run: () => void; failing: boolean } {
  const workRef = useRef(work);
  useEffect(() => {
    workRef.current = work;
  });
  const [failing, setFailing] = useState(false);
  const state = useRef({ running: false, again: false, timer: null as number | null, delay: 0, stopped: false });
  // The retry timer calls run through this (run can't name itself inside its own useCallback).
  const again = useRef<() => void>(() => undefined);

  const run = useCallback(() => {
    const s = state.current;
    if (s.stopped) return;
    if (s.running) {
      s.again = true;
      return;
    }
    if (s.timer !== null) {
      window.clearTimeout(s.timer);
      s.timer = null;
    }
    s.running = true;
    s.again = false;
    void workRef.current()
      .catch(() => false)
      .then((ok) => {
        s.running = false;
        if (s.stopped) return;
        if (!ok) {
          setFailing(true);
          s.delay = Math.min(s.delay ? s.delay * 2 : FIRST_RETRY_MS, MAX_RETRY_MS);
          s.timer = window.setTimeout(() => {
            s.timer = null;
            again.current();
          }, s.delay);
          return;
        }
        s.delay = 0;
        setFailing(false);
        if (s.again) again.current();
      });
  }, []);
  useEffect(() => {
    again.current = run;
  }, [run]);

  useEffect(() => {
    const s = state.current;
    s.stopped = false;
    const onOnline = () => {
      if (s.timer !== null) run();
    };
    window.addEventListener("online", onOnline);
    return () => {
      s.stopped = true;
      window.removeEventListener("online", onOnline);
      if (s.timer !== null) window.clearTimeout(s.timer);
      s.timer = null;
    };
  }, [run]);

  return { run, failing };
}
