// Open311 partners (a city's own apps, civil-society tools) post service requests with an API
// key the city issued them. Only a keyed hash of each key is stored; a key can be revoked.
export default {
  id: 'voices/0005_open311_partner_keys',
  sql: `
create table voices_partner_key (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null default gen_random_uuid(),
  name text not null,
  key_hash text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, key_hash)
);
`,
};
