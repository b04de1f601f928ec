export { appendAudit, recordAudit, type AuditInput } from './record-audit.ts';
export { verifyAudit, type AuditVerdict, type AuditProblem } from './verify-audit.ts';
