// The delivery log of SMS and WhatsApp replies: what was sent, what is waiting, what failed and why.
import type { ViewContext } from '../../../core/views/index.ts';
import type { TextDelivery } from '../queries/text-deliveries.ts';
import { formatNumber } from '../../../core/i18n/index.ts';
import { formatDateTimeHelper } from './view-helpers.ts';

export function TextLogPage(props: { v: ViewContext; base: string; deliveries: readonly TextDelivery[]; shown: number }) {
  const { v } = props;
  return (
    <>
      <h1>{v.t('textLog.title')}</h1>
      <p>{v.t('textLog.intro', { shown: props.shown })}</p>
      {props.deliveries.length === 0 ? <p>{v.t('textLog.empty')}</p> : (
        <table>
            <caption>{v.t('textLog.caption', { count: props.deliveries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{v.t('textLog.when')}</th><th scope="col">{v.t('textLog.purpose')}</th><th scope="col">{v.t('textLog.voice')}</th>
                <th scope="col">{v.t('textLog.gateway')}</th><th scope="col">{v.t('textLog.status')}</th><th scope="col">{v.t('textLog.attempts')}</th>
                <th scope="col">{v.t('textLog.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.map((d) => (
                <tr>
                  <td>{formatDateTimeHelper(v, new Date(d.createdAt))}</td>
                  <td>{v.t(`textLog.purposes.${d.purpose}`)}</td>
                  <td>{d.reference ? <a href={`${props.base}/voices/${d.reference}`}>{d.reference}</a> : '–'}</td>
                  <td>{d.gateway}</td>
                  <td>{v.t(`textLog.statuses.${d.status}`)}</td>
                  <td>{formatNumber(v.locale, d.attempts)}</td>
                  <td>{d.lastError ?? '–'}</td>
                </tr>
              ))}
            </tbody>
        </table>
      )}
      <p><a href={`${props.base}/settings`}>{v.t('textLog.back')}</a></p>
    </>
  );
}
