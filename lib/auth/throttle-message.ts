/** Shared by the server (which throws it) and the sign-in form (which explains it). */
export const THROTTLED_PREFIX = "THROTTLED:";

export function throttledMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Only same-site paths: an open redirect after sign-in would help phishing. */
export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
