export default {
  id: 'voices/0001_create_voices',
  sql: `
create table voices_category (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null default gen_random_uuid(),
  slug text not null,
  names jsonb not null,
  position integer not null default 0,
  primary key (tenant_id, id),
  unique (tenant_id, slug)
);

create table voices_area (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null default gen_random_uuid(),
  slug text not null,
  name text not null,
  boundary jsonb,
  primary key (tenant_id, id),
  unique (tenant_id, slug)
);

create table voices_reference_counter (
  tenant_id uuid not null references core_tenant (id),
  year integer not null,
  last integer not null,
  primary key (tenant_id, year)
);

create table voices_voice (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null default gen_random_uuid(),
  reference text not null,
  submission_key uuid,
  title text not null,
  description text not null,
  lang text not null,
  category_id uuid not null,
  area_id uuid not null,
  latitude double precision,
  longitude double precision,
  channel text not null default 'web' check (channel in ('web', 'api', 'sms', 'ussd', 'whatsapp', 'assisted', 'open311')),
  status text not null default 'received' check (status in ('received', 'under_review', 'planned', 'in_progress', 'resolved', 'declined')),
  visibility text not null default 'pending' check (visibility in ('pending', 'published', 'hidden')),
  hidden_reason text,
  merged_into_id uuid,
  author_id uuid references core_user (id),
  support_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, description), 'B')
  ) stored,
  primary key (tenant_id, id),
  unique (tenant_id, reference),
  unique (tenant_id, submission_key),
  foreign key (tenant_id, category_id) references voices_category (tenant_id, id),
  foreign key (tenant_id, area_id) references voices_area (tenant_id, id),
  foreign key (tenant_id, merged_into_id) references voices_voice (tenant_id, id)
);
create index voices_voice_public on voices_voice (tenant_id, created_at desc) where visibility = 'published' and merged_into_id is null;
create index voices_voice_queue on voices_voice (tenant_id, visibility, created_at);
-- Search within one city: btree_gin lets one GIN index hold the tenant and the words, so a rare
-- word is found without reading every voice of the city.
create extension if not exists btree_gin;
create index voices_voice_search on voices_voice using gin (tenant_id, search);

-- Contact details are kept apart from the content and sealed with the server key: only
-- moderators of the city ever see them, to answer the resident.
create table voices_contact (
  tenant_id uuid not null,
  voice_id uuid not null,
  sealed text not null,
  primary key (tenant_id, voice_id),
  foreign key (tenant_id, voice_id) references voices_voice (tenant_id, id)
);

-- Optional demographic answers, stored apart from the content and published only aggregated.
create table voices_respondent (
  tenant_id uuid not null,
  voice_id uuid not null,
  sex text check (sex in ('female', 'male', 'other')),
  age_band text check (age_band in ('under-18', '18-24', '25-34', '35-49', '50-64', '65-plus')),
  wg_seeing smallint check (wg_seeing between 1 and 4),
  wg_hearing smallint check (wg_hearing between 1 and 4),
  wg_walking smallint check (wg_walking between 1 and 4),
  wg_remembering smallint check (wg_remembering between 1 and 4),
  wg_self_care smallint check (wg_self_care between 1 and 4),
  wg_communicating smallint check (wg_communicating between 1 and 4),
  primary key (tenant_id, voice_id),
  foreign key (tenant_id, voice_id) references voices_voice (tenant_id, id)
);

create table voices_update (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  voice_id uuid not null,
  kind text not null check (kind in ('submitted', 'published', 'hidden', 'status', 'reply', 'merged')),
  status text,
  body text,
  public boolean not null default true,
  actor_id uuid references core_user (id),
  at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, voice_id) references voices_voice (tenant_id, id)
);
create index voices_update_voice on voices_update (tenant_id, voice_id, at);

create table voices_support (
  tenant_id uuid not null,
  voice_id uuid not null,
  supporter text not null,
  at timestamptz not null default now(),
  primary key (tenant_id, voice_id, supporter),
  foreign key (tenant_id, voice_id) references voices_voice (tenant_id, id)
);

create table voices_priority (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null default gen_random_uuid(),
  title text not null,
  description text not null,
  lang text not null,
  created_by uuid references core_user (id),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);

create table voices_priority_voice (
  tenant_id uuid not null,
  priority_id uuid not null,
  voice_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (tenant_id, priority_id, voice_id),
  foreign key (tenant_id, priority_id) references voices_priority (tenant_id, id),
  foreign key (tenant_id, voice_id) references voices_voice (tenant_id, id)
);
create index voices_priority_voice_voice on voices_priority_voice (tenant_id, voice_id);
`,
};
