// The last screen of each USSD ballot, by session: a gateway that sends the last key press
// again gets the same answer ("your vote is counted"), and nothing is counted twice. Kept a day.
export default {
  id: 'budgeting/0004_ussd_final_screens',
  sql: `
create table budgeting_ussd_final (
  tenant_id uuid not null references core_tenant (id),
  session_hash text not null,
  screen text not null,
  at timestamptz not null default now(),
  primary key (tenant_id, session_hash)
);
`,
};
