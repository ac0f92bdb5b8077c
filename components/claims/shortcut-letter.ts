/**
 * The letter a single-key shortcut (j, k, x in the claims list; M, H in the reader) stands for:
 * what the key types on a Latin layout, and on another (Russian or Ukrainian, where the M key
 * types "ь") the Latin letter of the physical key, so the shortcuts the help names keep working
 * for a desk typing in Cyrillic. A Latin layout other than QWERTY (AZERTY's M sits elsewhere)
 * keeps the letter it types.
 */
export function shortcutLetter(event: { key: string; code: string }): string {
  const typed = event.key.toLowerCase();
  if (/^[a-z]$/.test(typed)) return typed;
  const physical = /^Key([A-Z])$/.exec(event.code);
  return physical ? physical[1].toLowerCase() : event.key;
}
