// Every public step of a voice with its date: what the resident follows.
import type { ViewContext } from '../../../core/views/index.ts';
import { formatDateHelper } from './view-helpers.ts';
import type { VoiceUpdate } from '../queries/get-voice.ts';
import { ContentText } from './ContentText.tsx';

/** Whose words each kind of step carries: the city's answer or note, or a moderator's reason. */
const SHOWN_BODIES = new Set<VoiceUpdate['kind']>(['reply', 'status', 'hidden']);

export function Timeline(props: { v: ViewContext; updates: VoiceUpdate[] }) {
  const { v } = props;
  return (
    <>
      <h2>{v.t('voice.timeline')}</h2>
      <ol class="timeline">
        {props.updates.map((u) => (
          <li>
            <time datetime={u.at.toISOString()}>{formatDateHelper(v, u.at)}</time>{' '}
            <strong>{v.t(`update.${u.kind}`, { status: u.status ? v.t(`status.${u.status}`) : '', reference: u.body ?? '' })}</strong>
            {u.body && SHOWN_BODIES.has(u.kind) ? <ContentText text={u.body} /> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
