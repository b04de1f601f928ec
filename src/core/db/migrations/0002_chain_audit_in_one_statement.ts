// Audit entries are chained inside the statement that appends them (see core/audit), so the
// head keeps the hash it replaced and each entry records which chaining rule made its hash.
export default {
  id: 'core/0002_chain_audit_in_one_statement',
  sql: `
alter table core_audit_head add column prev_hash text;
alter table core_audit add column chain_version smallint not null default 1;
`,
};
