import Link from "next/link";

const LINK = "rounded-md px-3 py-1.5 text-sm ring-1 ring-stone-300 hover:bg-stone-50";

/**
 * The links between a list's pages, centred under it (back to the first or newest page, on to the
 * next or older one); nothing when the list has one page. With `label`, a navigation landmark.
 */
export function PagerLinks({ label, links }: { label?: string; links: ({ href: string; text: string } | null)[] }) {
  const shown = links.filter((l): l is { href: string; text: string } => l !== null);
  if (!shown.length) return null;
  const items = shown.map((l) => (
    <Link key={l.href} href={l.href} className={LINK}>
      {l.text}
    </Link>
  ));
  const className = "mt-4 flex flex-wrap justify-center gap-3";
  return label ? (
    <nav aria-label={label} className={className}>
      {items}
    </nav>
  ) : (
    <div className={className}>{items}</div>
  );
}
