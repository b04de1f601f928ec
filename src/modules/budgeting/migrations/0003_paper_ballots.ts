// Paper ballots are typed in twice, by two different people, each entry kept here until they
// agree (the ballot is then counted) or a reviewer settles a mismatch. The sheet's number is
// what makes a paper ballot one ballot.
export default {
  id: 'budgeting/0003_paper_ballots',
  sql: `
create table budgeting_paper_entry (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  process_id uuid not null,
  sheet text not null,
  entered_by uuid not null,
  entered_at timestamptz not null default now(),
  area text,
  sex text,
  age_band text,
  age_confirmed boolean not null,
  choices jsonb not null,
  status text not null default 'waiting' check (status in ('waiting', 'counted', 'mismatch', 'set-aside')),
  primary key (tenant_id, id),
  unique (tenant_id, process_id, sheet, entered_by),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id)
);
create index budgeting_paper_entry_sheet on budgeting_paper_entry (tenant_id, process_id, sheet);
`,
};
