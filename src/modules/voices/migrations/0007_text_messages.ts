// SMS and WhatsApp. Each inbound message is kept by the gateway's id so a retried delivery
// changes nothing. Phones are known by a keyed hash (the same one USSD uses); the number itself
// is kept sealed only while something is owed to it: an outbound text not yet sent, or news of
// a voice its owner asked to follow. Every outbound text is a row of the delivery log, sent by
// a job of the `voices-texts` queue.
export default {
  id: 'voices/0007_text_messages',
  sql: `
create table voices_text_inbound (
  gateway text not null,
  message_id text not null,
  tenant_id uuid not null references core_tenant (id),
  received_at timestamptz not null default now(),
  primary key (gateway, message_id)
);

-- A phone that sent STOP gets nothing more from this city until it sends START.
create table voices_text_contact (
  tenant_id uuid not null references core_tenant (id),
  phone_hash text not null,
  opted_out_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, phone_hash)
);

create table voices_text_follower (
  tenant_id uuid not null,
  voice_id uuid not null,
  phone_hash text not null,
  phone_sealed text not null,
  gateway text not null,
  lang text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, voice_id, phone_hash),
  foreign key (tenant_id, voice_id) references voices_voice (tenant_id, id)
);
create index voices_text_follower_phone on voices_text_follower (tenant_id, phone_hash);

create table voices_text_delivery (
  tenant_id uuid not null references core_tenant (id),
  id uuid not null,
  voice_id uuid,
  gateway text not null,
  phone_hash text not null,
  phone_sealed text,
  purpose text not null check (purpose in ('receipt', 'status', 'follow', 'notice', 'stop', 'start', 'help')),
  body text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'dropped')),
  attempts integer not null default 0,
  last_error text,
  gateway_message_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((status = 'queued') = (phone_sealed is not null))
);
create index voices_text_delivery_recent on voices_text_delivery (tenant_id, created_at desc);
create index voices_text_delivery_queued on voices_text_delivery (tenant_id, phone_hash) where status = 'queued';

select baraza_jobs.create_queue('voices-texts', '{"policy": "standard", "retryLimit": 5, "retryDelay": 30, "retryBackoff": true}'::json);
`,
};
