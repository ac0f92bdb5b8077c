export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight text-stone-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6">
        <rect x="2" y="3" width="20" height="18" rx="4" className="fill-brand-600" />
        <path d="M6 9h8M6 13h12M6 17h6" stroke="white" strokeWidth="2" strokeLinecap="round" />
        <circle cx="18" cy="8" r="2.2" className="fill-amber-300" />
      </svg>
      Claimtrail
    </span>
  );
}
