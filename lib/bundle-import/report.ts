import type { ImportPlan } from "./plan";
import type { BundleIssue } from "./validate";

/** The dry run's report as plain text lines (the CLI's output). */
export function planLines(plan: ImportPlan, done: boolean): string[] {
  const lines = [`${done ? "Created" : "Would create"}: ${Object.entries(plan.create).map(([k, n]) => `${n} ${k}`).join(", ")}.`];
  for (const r of plan.reusedArticles) lines.push(`reused    "${r.title}" — the same text is already here as "${r.existingTitle}"; its highlights are added to it`);
  for (const c of plan.conflicts) lines.push(`skipped   "${c.title}" — ${c.message}`);
  lines.push(`People: ${plan.people.matched.length} matched by email among the members.`);
  for (const p of plan.people.notMembers) lines.push(`not a member  ${p.name} <${p.email}>`);
  for (const p of plan.people.notFound) lines.push(`no account    ${p.name} <${p.email}>`);
  if (plan.verdictLabels !== "same") lines.push(`Verdict labels: ${plan.verdictLabels === "adopted" ? "the bundle's are adopted" : "this workspace's are kept"}.`);
  for (const w of plan.warnings) lines.push(`Note: ${w}`);
  return lines;
}

export function issueLines(issues: BundleIssue[]): string[] {
  return issues.map((i) => `  ${i.path}: ${i.message}`);
}
