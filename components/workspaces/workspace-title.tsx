"use client";

import { useSelectedLayoutSegments } from "next/navigation";

/**
 * The workspace's name above its tabs: the page's heading on the workspace's own pages (articles, claims,
 * dashboard, settings, an article's editor…), plain text on an article's or a claim's page, whose title or statement is the page's
 * one `h1` there (black-box s31, 15: two `h1`s made screen readers' heading navigation ambiguous).
 */
export function WorkspaceTitle({ name }: { name: string }) {
  const [section, item, ...rest] = useSelectedLayoutSegments();
  const className = "text-xl font-semibold tracking-tight";
  if ((section === "articles" || section === "claims") && item && rest.length === 0) return <p className={className}>{name}</p>;
  return <h1 className={className}>{name}</h1>;
}
