// Participatory budgeting: a process with its budgets (one city-wide, or one per district),
// the ideas residents send, the projects put to the vote, and the ballots.
//
// Ballots are kept apart from who cast them: budgeting_voter records that a person voted
// (for the one-ballot rule and turnout), budgeting_ballot holds the choices with no voter and
// no time. While voting is open a voter row points at its ballot, so a re-vote can replace
// it; closing the vote clears every pointer, after which no ballot can be traced to anyone.
export default {
  id: 'budgeting/0001_processes',
  sql: `
create table budgeting_process (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null default gen_random_uuid(),
  slug text not null,
  title text not null,
  description text not null,
  phase text not null default 'draft' check (phase in ('draft', 'ideas', 'review', 'voting', 'results', 'implementation')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  ballot_kind text not null check (ballot_kind in ('approval-budget', 'approval-k', 'ranking', 'cumulative')),
  ballot_k integer check (ballot_k between 1 and 50),
  ballot_points integer check (ballot_points between 1 and 1000),
  ballot_per_project integer check (ballot_per_project between 1 and 1000),
  min_age integer not null default 0 check (min_age between 0 and 120),
  revote boolean not null default false,
  rule text not null,
  completion text not null,
  ideas_from date,
  voting_from date,
  voting_until date,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, slug),
  check (ballot_kind not in ('approval-k', 'ranking') or ballot_k is not null),
  check (ballot_kind <> 'cumulative' or (ballot_points is not null and ballot_per_project is not null)),
  check (voting_until is null or voting_from is null or voting_until >= voting_from)
);

-- area null: the city-wide budget; otherwise the budget of one district (voices_area slug).
create table budgeting_budget (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  process_id uuid not null,
  area text,
  amount bigint not null check (amount > 0),
  primary key (tenant_id, id),
  unique nulls not distinct (tenant_id, process_id, area),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id)
);

create table budgeting_project (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  process_id uuid not null,
  budget_id uuid not null,
  code text not null check (code ~ '^[0-9]{1,4}$'),
  title text not null,
  description text not null,
  cost bigint not null check (cost > 0),
  on_ballot boolean not null default true,
  progress text not null default 'not-started' check (progress in ('not-started', 'planned', 'in-progress', 'done', 'cancelled')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, process_id, code),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id),
  foreign key (tenant_id, budget_id) references budgeting_budget (tenant_id, id)
);

-- A resident's idea; staff accept it as a project, merge it into one, or reject it with a
-- reason that is shown to everyone.
create table budgeting_idea (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  process_id uuid not null,
  title text not null,
  description text not null,
  area text,
  voice_reference text,
  submitted_by uuid,
  submitted_at timestamptz not null default now(),
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'merged', 'rejected')),
  reason text,
  project_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id),
  foreign key (tenant_id, project_id) references budgeting_project (tenant_id, id),
  check (status <> 'rejected' or reason is not null),
  check ((status in ('accepted', 'merged')) = (project_id is not null))
);
create index budgeting_idea_process on budgeting_idea (tenant_id, process_id, submitted_at);

-- One row per person who voted in a process: the primary key is the one-ballot rule.
create table budgeting_voter (
  tenant_id uuid not null,
  process_id uuid not null,
  voter_key text not null,
  channel text not null check (channel in ('web', 'code', 'sms', 'ussd', 'paper')),
  area text,
  sex text check (sex in ('female', 'male', 'other')),
  age_band text,
  ballot_id uuid,
  primary key (tenant_id, process_id, voter_key),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id)
);

-- The choices, per budget: {"<budget id>": {"projects": [codes], "points": [n] | null}}.
create table budgeting_ballot (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  process_id uuid not null,
  choices jsonb not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id)
);
create index budgeting_ballot_process on budgeting_ballot (tenant_id, process_id);

-- One-time voting codes, kept only as keyed hashes: the printed sheet is the only copy.
create table budgeting_code (
  tenant_id uuid not null,
  process_id uuid not null,
  code_hash text not null,
  batch integer not null,
  used boolean not null default false,
  primary key (tenant_id, process_id, code_hash),
  foreign key (tenant_id, process_id) references budgeting_process (tenant_id, id)
);

create table budgeting_project_update (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  project_id uuid not null,
  progress text not null,
  note text not null,
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, project_id) references budgeting_project (tenant_id, id)
);
`,
};
