// Phones that asked, by SMS, for news of a process's projects as they are built. The number is
// kept sealed (it is needed to text) and only while the city has news to send; a number that
// texts STOP gets nothing, whatever is stored here.
export default {
  id: 'budgeting/0005_text_followers',
  sql: `
create table budgeting_text_follower (
  tenant_id uuid not null,
  process_id uuid not null,
  phone_hash text not null,
  phone_sealed text not null,
  lang text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, process_id, phone_hash),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id)
);
`,
};
