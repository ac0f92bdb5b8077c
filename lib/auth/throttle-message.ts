/** Shared by the server (which throws it) and the sign-in form (which explains it). */
export const THROTTLED_PREFIX = "THROTTLED:";

export function throttledMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

