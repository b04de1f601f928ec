// A facilitator (a community organisation, a kiosk) may enter a voice for someone who is not
// online. The voice records who entered it and when the person gave their consent; its author
// stays empty, since the person has no account.
export default {
  id: 'voices/0006_assisted_voices',
  sql: `
alter table voices_voice add column assisted_by uuid references core_user (id);
alter table voices_voice add column consented_at timestamptz;
`,
};
