// USSD dialogues. A gateway sends each key press with everything typed so far in the session;
// the session row remembers where the caller is and how much of that text earlier screens
// used, so a description may contain the separator `*`. A voice is stored only at the last
// step, in one statement, so a session that times out leaves nothing half-made. Callers are
// known by a keyed hash of their number, never the number itself.
export default {
  id: 'voices/0003_ussd_sessions',
  sql: `
create table voices_ussd_session (
  tenant_id uuid not null references core_tenant (id),
  session_id text not null,
  caller text not null,
  lang text not null,
  step text not null,
  consumed integer not null default 0,
  answers jsonb not null default '{}',
  final_screen text,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, session_id)
);
create index voices_ussd_session_age on voices_ussd_session (tenant_id, updated_at);

-- The language a caller chose, so the next session starts in it.
create table voices_ussd_caller (
  tenant_id uuid not null references core_tenant (id),
  caller text not null,
  lang text not null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, caller)
);
`,
};
