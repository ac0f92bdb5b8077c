/** The hour (UTC, 0–23) daily digests go out: DIGEST_HOUR_UTC, else 7. */
export function digestHour(): number {
  const h = Number(process.env.DIGEST_HOUR_UTC ?? 7);
  return Number.isInteger(h) && h >= 0 && h <= 23 ? h : 7;
}

/** The next digest time after `now`: so a person gets at most one digest a day. */
export function nextDigestDue(now: Date): Date {
  const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHour()));
  if (due <= now) due.setUTCDate(due.getUTCDate() + 1);
  return due;
}
