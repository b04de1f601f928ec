// People may back a priority itself, not only its voices: a caller on a basic phone picks a
// priority from the USSD menu. Supporters are named as in voices_support (`user:<id>`,
// `phone:<keyed hash>`), so one person counts once whichever way they took part.
export default {
  id: 'voices/0004_priority_support',
  sql: `
create table voices_priority_support (
  tenant_id uuid not null,
  priority_id uuid not null,
  supporter text not null,
  at timestamptz not null default now(),
  primary key (tenant_id, priority_id, supporter),
  foreign key (tenant_id, priority_id) references voices_priority (tenant_id, id)
);
`,
};
