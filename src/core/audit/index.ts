export { appendAudit, appendAuditEntries, prepareAuditEntry, recordAudit, type AuditInput, type PreparedAuditEntry } from './record-audit.ts';
export { verifyAudit, type AuditVerdict, type AuditProblem } from './verify-audit.ts';
