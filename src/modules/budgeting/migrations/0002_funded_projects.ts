// Which projects won, recorded when the results are published (null before): the outcome the
// city commits to, and the projects whose progress it then reports.
export default {
  id: 'budgeting/0002_funded_projects',
  sql: `
alter table budgeting_project add column funded boolean;
create index budgeting_project_update_project on budgeting_project_update (tenant_id, project_id, created_at);
`,
};
