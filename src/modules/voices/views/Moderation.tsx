// The moderator's desk: the queue, and one voice with every action a moderator can take.
import type { ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { Button, ErrorSummary, Pagination, PostForm, Select, TextArea, TextInput, byField, formatDateHelper } from './view-helpers.ts';
import type { QueueItem, QueueView } from '../queries/moderation-queue.ts';
import { QUEUE_VIEWS } from '../queries/moderation-queue.ts';
import type { VoiceDetail, VoiceUpdate } from '../queries/get-voice.ts';
import type { PrioritySummary } from '../queries/priorities.ts';
import { nextStatuses } from '../status.ts';
import { StatusTag } from './StatusTag.tsx';
import { ContentText } from './ContentText.tsx';
import { Timeline } from './Timeline.tsx';

export function QueuePage(props: {
  v: ViewContext; base: string; view: QueueView; page: number; items: QueueItem[]; hasNext: boolean;
  issues?: readonly FieldIssue[]; values?: Record<string, string>; notice?: string | undefined;
}) {
  const { v } = props;
  const errors = byField(props.issues ?? []);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('moderation.title')}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <nav aria-label={v.t('moderation.views')}>
        <ul class="tabs">
          {QUEUE_VIEWS.map((view) => (
            <li><a href={`${props.base}/moderate?view=${view}`} aria-current={view === props.view ? 'page' : undefined}>{v.t(`moderation.view.${view}`)}</a></li>
          ))}
        </ul>
      </nav>
      {props.items.length === 0 ? <p>{v.t('moderation.empty')}</p> : (
        <table>
          <caption class="visually-hidden">{v.t(`moderation.view.${props.view}`)}</caption>
          <thead><tr><th scope="col">{v.t('voice.reference')}</th><th scope="col">{v.t('voiceForm.titleLabel')}</th><th scope="col">{v.t('voices.status')}</th><th scope="col">{v.t('voice.raisedOn')}</th></tr></thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td><a href={`${props.base}/moderate/voices/${item.reference}`}>{item.reference}</a></td>
                <td dir="auto">{item.title}</td>
                <td><StatusTag v={v} status={item.status} /></td>
                <td>{formatDateHelper(v, item.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination v={v} page={props.page} hasNext={props.hasNext} hrefFor={(p) => `${props.base}/moderate?view=${props.view}&page=${p}`} />
      <h2>{v.t('priority.new')}</h2>
      <PostForm v={v} action={`${props.base}/moderate/priorities`}>
        <TextInput v={v} name="title" label={v.t('priority.titleLabel')} value={props.values?.title} errors={errors} />
        <TextArea v={v} name="description" label={v.t('priority.descriptionLabel')} value={props.values?.description} rows={3} errors={errors} />
        <Button>{v.t('priority.create')}</Button>
      </PostForm>
    </>
  );
}

export function ModerateVoicePage(props: {
  v: ViewContext; base: string; voice: VoiceDetail; updates: VoiceUpdate[]; contact: string | null;
  priorities: PrioritySummary[]; issues?: readonly FieldIssue[]; values?: Record<string, string>; notice?: string | undefined;
}) {
  const { v, voice, base } = props;
  const errors = byField(props.issues ?? []);
  const action = (name: string) => `${base}/moderate/voices/${voice.reference}/${name}`;
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <p class="meta"><a href={`${base}/moderate`}>{v.t('moderation.backToQueue')}</a></p>
      <h1 lang={voice.lang} dir="auto">{voice.title}</h1>
      <p class="meta">
        {voice.reference} · <StatusTag v={v} status={voice.status} /> · {v.t(`visibility.${voice.visibility}`)} · {voice.category} · {voice.area}
        {voice.latitude !== null && voice.longitude !== null ? ` · ${voice.latitude.toFixed(5)}, ${voice.longitude.toFixed(5)}` : ''}
      </p>
      <ContentText text={voice.description} lang={voice.lang} />
      <p><strong>{v.t('moderation.contact')}:</strong> {props.contact ?? v.t('moderation.noContact')}</p>
      {voice.mergedInto ? <p class="notice">{v.t('voice.mergedInto')} {voice.mergedInto}</p> : null}
      <p><a href={`${base}/voices/${voice.reference}`}>{v.t('moderation.publicPage')}</a></p>

      <div class="actions">
        {voice.visibility !== 'published' && !voice.mergedInto ? (
          <section aria-labelledby="act-publish">
            <h2 id="act-publish">{v.t('moderation.publish')}</h2>
            <PostForm v={v} action={action('publish')}><Button>{v.t('moderation.publish')}</Button></PostForm>
          </section>
        ) : null}
        <section aria-labelledby="act-status">
          <h2 id="act-status">{v.t('moderation.changeStatus')}</h2>
          <PostForm v={v} action={action('status')}>
            <Select v={v} name="status" label={v.t('moderation.newStatus')} value={props.values?.status} blank={v.t('voiceForm.choose')} errors={errors}
              choices={nextStatuses(voice.status).map((s) => ({ value: s, label: v.t(`status.${s}`) }))} />
            <TextArea v={v} name="note" label={v.t('moderation.statusNote')} hint={v.t('moderation.statusNoteHint')} rows={3} value={props.values?.note} errors={errors} />
            <Button>{v.t('moderation.changeStatus')}</Button>
          </PostForm>
        </section>
        <section aria-labelledby="act-reply">
          <h2 id="act-reply">{v.t('moderation.reply')}</h2>
          <PostForm v={v} action={action('reply')}>
            <TextArea v={v} name="body" label={v.t('moderation.replyLabel')} hint={v.t('moderation.replyHint')} rows={4} value={props.values?.body} errors={errors} />
            <Button>{v.t('moderation.sendReply')}</Button>
          </PostForm>
        </section>
        {props.priorities.length && !voice.mergedInto ? (
          <section aria-labelledby="act-priority">
            <h2 id="act-priority">{v.t('moderation.addToPriority')}</h2>
            <PostForm v={v} action={action('priority')}>
              <Select v={v} name="priority" label={v.t('moderation.priority')} blank={v.t('voiceForm.choose')} errors={errors}
                choices={props.priorities.map((p) => ({ value: p.id, label: p.title }))} />
              <Button variant="secondary">{v.t('moderation.addToPriority')}</Button>
            </PostForm>
          </section>
        ) : null}
        {!voice.mergedInto ? (
          <section aria-labelledby="act-merge">
            <h2 id="act-merge">{v.t('moderation.merge')}</h2>
            <PostForm v={v} action={action('merge')}>
              <TextInput v={v} name="into" label={v.t('moderation.mergeInto')} hint={v.t('moderation.mergeHint')} width="short" value={props.values?.into} errors={errors} />
              <Button variant="secondary">{v.t('moderation.merge')}</Button>
            </PostForm>
          </section>
        ) : null}
        {voice.visibility !== 'hidden' ? (
          <section aria-labelledby="act-hide">
            <h2 id="act-hide">{v.t('moderation.hide')}</h2>
            <PostForm v={v} action={action('hide')}>
              <TextArea v={v} name="reason" label={v.t('moderation.hideReason')} hint={v.t('moderation.hideHint')} rows={2} value={props.values?.reason} errors={errors} />
              <Button variant="warning">{v.t('moderation.hide')}</Button>
            </PostForm>
          </section>
        ) : null}
      </div>
      <Timeline v={v} updates={props.updates} />
    </>
  );
}
