// A voice's status page: what was asked, where it stands, every public step with its date,
// the city's answers, and a way to support it.
import type { ViewContext } from '../../../core/views/index.ts';
import { Button, PostForm, formatDateHelper } from './view-helpers.ts';
import type { VoiceDetail, VoiceUpdate } from '../queries/get-voice.ts';
import { StatusTag } from './StatusTag.tsx';
import { ContentText } from './ContentText.tsx';
import { Timeline } from './Timeline.tsx';

export function VoicePage(props: {
  v: ViewContext;
  base: string;
  voice: VoiceDetail;
  updates: VoiceUpdate[];
  priorities: { id: string; title: string }[];
  supported: boolean;
  notice?: string | undefined;
  canModerate: boolean;
  /** False for a hidden voice, and for a pending one seen by someone other than its author or a moderator. */
  wordsShown: boolean;
}) {
  const { v, voice } = props;
  const hidden = voice.visibility === 'hidden';
  return (
    <>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <p class="meta">{v.t('voice.reference')}: <strong>{voice.reference}</strong></p>
      {hidden ? (
        <>
          <h1>{v.t('voice.hiddenTitle')}</h1>
          <p>{v.t('voice.hiddenReason', { reason: voice.hiddenReason ?? '' })}</p>
        </>
      ) : !props.wordsShown ? (
        <>
          <h1>{v.t('voice.pendingTitle')}</h1>
          <p>{v.t('voice.pendingHidden')}</p>
          <p><StatusTag v={v} status={voice.status} /></p>
        </>
      ) : (
        <>
          <h1 lang={voice.lang} dir="auto">{voice.title}</h1>
          {voice.mergedInto ? (
            <p class="notice">{v.t('voice.mergedInto')} <a href={`${props.base}/voices/${voice.mergedInto}`}>{voice.mergedInto}</a></p>
          ) : null}
          {voice.visibility === 'pending' ? <p class="notice">{v.t('voice.pending')}</p> : null}
          <p><StatusTag v={v} status={voice.status} /></p>
          <dl class="facts">
            <dt>{v.t('voices.category')}</dt><dd>{voice.category}</dd>
            <dt>{v.t('voices.area')}</dt><dd>{voice.area}</dd>
            <dt>{v.t('voice.raisedOn')}</dt><dd>{formatDateHelper(v, voice.createdAt)}</dd>
            <dt>{v.t('voice.supporters')}</dt><dd>{v.t('voices.supportCount', { count: voice.supportCount })}</dd>
          </dl>
          <ContentText class="description" text={voice.description} lang={voice.lang} />
          {voice.visibility === 'published' && !voice.mergedInto ? (
            props.supported ? (
              <p class="notice">{v.t('voice.youSupport')}</p>
            ) : v.actor ? (
              <PostForm v={v} action={`${props.base}/voices/${voice.reference}/support`}>
                <Button>{v.t('voice.support')}</Button>
              </PostForm>
            ) : (
              <p><a href={`/account/login?next=${encodeURIComponent(`${props.base}/voices/${voice.reference}`)}`}>{v.t('voice.signInToSupport')}</a></p>
            )
          ) : null}
          {props.priorities.length ? (
            <p>{v.t('voice.partOf')}{' '}
              {props.priorities.map((p, i) => <>{i ? ', ' : ''}<a href={`${props.base}/priorities/${p.id}`}>{p.title}</a></>)}
            </p>
          ) : null}
        </>
      )}
      <Timeline v={v} updates={props.updates} />
      {props.canModerate ? <p><a href={`${props.base}/moderate/voices/${voice.reference}`}>{v.t('moderation.moderateThis')}</a></p> : null}
    </>
  );
}
