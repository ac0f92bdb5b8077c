import { useSyncExternalStore } from "react";

const never = () => () => {};

/** False while the server renders and while the page hydrates; true once React runs the page in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
