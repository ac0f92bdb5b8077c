/** The audit log: the workspace's change feed as admins read and export it. Read-only by construction (migration webhooks_audit). */
export { listAudit, auditPeople, type AuditEntry } from "./list-audit";
export { auditExportResponse, AUDIT_FORMATS, AUDIT_CSV_COLUMNS } from "./export-audit";
export { auditFilterSchema, parseAuditFilter, CHANGE_AREAS, kindsOf, type AuditFilter } from "./filters";
export { summarizeChange, type AuditWords } from "./summary";
