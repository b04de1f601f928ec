// A city's residents by area, sex and age band, as its statistics office counts them: the
// baseline that voices are compared with. Areas are named by the slug the voices module uses,
// so each module keeps its own tables. A new file replaces the whole table; who loaded it and
// when is kept beside it.
export default {
  id: 'inclusion/0001_population',
  sql: `
create table inclusion_population (
  tenant_id uuid not null references core_tenant (id),
  area text not null,
  sex text not null check (sex in ('female', 'male')),
  age_band text not null check (age_band in ('under-18', '18-24', '25-34', '35-49', '50-64', '65-plus')),
  people integer not null check (people >= 0),
  primary key (tenant_id, area, sex, age_band)
);

create table inclusion_population_source (
  tenant_id uuid primary key references core_tenant (id),
  loaded_at timestamptz not null default now(),
  loaded_by uuid,
  rows integer not null,
  people bigint not null,
  file_sha256 text not null
);
`,
};
