/**
 * The embedded database's address, apart from embedded.ts so that the app's database client can
 * recognise it without loading PGlite.
 */

/** The application name every connection to the embedded server gives: how lib/db/client.ts knows it is talking to PGlite. */
export const EMBEDDED_APPLICATION_NAME = "claimtrail-embedded";

export function embeddedUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`;
}

/** Whether `url` is an embedded server's (embeddedUrl). */
export function isEmbeddedUrl(url: string | undefined): boolean {
  return url !== undefined && new URLSearchParams(url.split("?")[1] ?? "").get("application_name") === EMBEDDED_APPLICATION_NAME;
}
