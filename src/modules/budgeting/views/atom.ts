// The progress reports of a process as an Atom feed (RFC 4287), so anyone can follow the
// projects they voted for in a feed reader, without an account.
import type { Translate } from '../../../core/i18n/index.ts';
import type { ProjectUpdate } from '../queries/project-updates.ts';

const escape = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function updatesFeed(t: Translate, feed: { url: string; pageUrl: string; title: string; author: string; updates: readonly ProjectUpdate[]; since: Date }): string {
  const updated = (feed.updates[0]?.at ?? feed.since).toISOString();
  const entries = feed.updates.map((u) => `
  <entry>
    <id>${escape(`${feed.pageUrl}/projects/${u.projectCode}#${u.id}`)}</id>
    <title>${escape(`${t('budgeting.projectCode', { code: u.projectCode })} ${u.projectTitle}: ${t(`budgeting.progress.${u.progress}`)}`)}</title>
    <updated>${u.at.toISOString()}</updated>
    <link rel="alternate" href="${escape(`${feed.pageUrl}/projects/${u.projectCode}`)}"/>
    <content type="text">${escape(u.note)}</content>
  </entry>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(feed.url)}</id>
  <title>${escape(feed.title)}</title>
  <updated>${updated}</updated>
  <author><name>${escape(feed.author)}</name></author>
  <link rel="self" href="${escape(feed.url)}"/>
  <link rel="alternate" href="${escape(feed.pageUrl)}"/>${entries}
</feed>
`;
}
