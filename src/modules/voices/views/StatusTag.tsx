import type { ViewContext } from '../../../core/views/index.ts';
import type { VoiceStatus } from '../status.ts';

export function StatusTag(props: { v: ViewContext; status: VoiceStatus }) {
  return <span class={`tag status-${props.status}`}>{props.v.t(`status.${props.status}`)}</span>;
}
