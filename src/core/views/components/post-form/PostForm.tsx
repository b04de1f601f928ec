// Every form that changes something posts with the CSRF token; novalidate because the server is
// the only validator, so every browser and screen reader meets the same messages.
import type { ComponentChildren as Child } from 'preact';
import type { ViewContext } from '../../view-context.ts';

export function PostForm(props: { v: ViewContext; action: string; children: Child; class?: string; label?: string; upload?: boolean }) {
  return (
    <form method="post" action={props.action} novalidate class={props.class} aria-label={props.label} enctype={props.upload ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={props.v.csrfToken} />
      {props.children}
    </form>
  );
}

export function Button(props: { children: Child; variant?: 'secondary' | 'warning'; name?: string; value?: string }) {
  return (
    <button type="submit" class={props.variant ? `button ${props.variant}` : 'button'} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}
