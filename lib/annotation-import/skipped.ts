/** Client-safe: how a skipped Label Studio result is named in reports (the component, the CLI, errors). */
export function describeResult(s: { task: number; annotation: number; result: number }): string {
  return `task ${s.task}${s.annotation > 1 ? `, annotation ${s.annotation}` : ""}, result ${s.result}`;
}
