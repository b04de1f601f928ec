export default {
  id: 'core/0001_create_tenants_and_accounts',
  sql: `
create table core_tenant (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references core_tenant (id),
  kind text not null check (kind in ('platform', 'programme', 'country', 'city', 'organisation')),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null,
  code text check (code ~ '^[A-Z]{2,5}$'),
  default_locale text not null default 'en',
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index core_tenant_parent on core_tenant (parent_id);
-- The root of the tenant tree: platform-wide events (accounts, tenants) are audited here.
insert into core_tenant (kind, slug, name) values ('platform', 'platform', 'Baraza');

create table core_user (
  id uuid primary key default gen_random_uuid(),
  email text not null unique,
  name text not null,
  password_hash text not null,
  locale text,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now()
);

create table core_membership (
  tenant_id uuid not null references core_tenant (id),
  user_id uuid not null references core_user (id),
  role text not null check (role in ('resident', 'facilitator', 'moderator', 'city-admin', 'programme-officer', 'platform-admin')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id, role)
);
create index core_membership_user on core_membership (user_id);

create table core_session (
  token_hash text primary key,
  user_id uuid not null references core_user (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index core_session_user on core_session (user_id);

create table core_password_reset (
  token_hash text primary key,
  user_id uuid not null references core_user (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table core_rate_limit (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (bucket, window_start)
);

create table core_audit (
  tenant_id uuid not null references core_tenant (id),
  seq bigint not null,
  at timestamptz not null,
  actor_id uuid,
  action text not null,
  object_type text not null,
  object_id text not null,
  before_hash text,
  after_hash text,
  prev_hash text not null,
  hash text not null,
  primary key (tenant_id, seq)
);

create table core_audit_head (
  tenant_id uuid primary key references core_tenant (id),
  seq bigint not null,
  hash text not null
);
`,
};
