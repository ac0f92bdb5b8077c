import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-3 text-stone-600">This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
      <Link href="/" className={buttonClass("secondary", "mt-8")}>
        Go to your workspaces
      </Link>
    </div>
  );
}
