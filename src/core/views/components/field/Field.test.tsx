import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../i18n/index.ts';
import type { ViewContext } from '../../view-context.ts';
import { TextInput, TextArea, Select, Radios } from './Field.tsx';
import { ErrorSummary } from '../error-summary/ErrorSummary.tsx';

const v: ViewContext = { t: translator('fr'), locale: 'fr', dir: 'ltr', actor: null, csrfToken: 't', here: '/', timeZone: 'UTC' };
const issue = { field: 'title', messageKey: 'error.field.tooLong', values: { max: 120 } };
const html = (node: VNode) => renderToString(node);

describe('form fields', () => {
  it('ties the control to its hint then its error, and marks it invalid', () => {
    for (const field of [
      <TextInput v={v} name="title" label="Titre" hint="Court" errors={{ title: issue }} />,
      <TextArea v={v} name="title" label="Titre" hint="Court" errors={{ title: issue }} />,
      <Select v={v} name="title" label="Titre" hint="Court" choices={[{ value: 'a', label: 'A' }]} errors={{ title: issue }} />,
    ]) {
      const out = html(field);
      assert.match(out, /<label for="title">Titre<\/label>/);
      assert.match(out, /id="title-hint"/);
      assert.match(out, /id="title-error"><span class="visually-hidden">Erreur :<\/span> Écrivez au plus 120 caractères/);
      assert.match(out, /aria-describedby="title-hint title-error"/);
      assert.match(out, /aria-invalid="true"/);
    }
  });

  it('says nothing about errors when there are none', () => {
    const out = html(<TextInput v={v} name="title" label="Titre" />);
    assert.doesNotMatch(out, /aria-describedby|aria-invalid|error/);
  });

  it('groups radios under a legend, the first radio carrying the field id', () => {
    const out = html(<Radios v={v} name="sex" label="Sexe" value="male" choices={[{ value: 'female', label: 'F' }, { value: 'male', label: 'M' }]} />);
    assert.match(out, /<fieldset><legend>Sexe<\/legend>/);
    assert.match(out, /id="sex" name="sex" value="female"/);
    assert.match(out, /id="sex-1" name="sex" value="male" checked(?:="")?\/?>/);
  });

  it('escapes what people typed', () => {
    const out = html(<TextInput v={v} name="q" label="Q" value={'"><script>alert(1)</script>'} />);
    assert.doesNotMatch(out, /<script>/);
    assert.match(out, /value="&quot;(?:&gt;|>)&lt;script(?:&gt;|>)/);
  });
});

describe('error summary', () => {
  it('links each problem to its field and takes focus without script', () => {
    const out = html(<ErrorSummary v={v} issues={[issue, { field: 'geo.lat', messageKey: 'error.field.required', values: {} }]} />);
    assert.match(out, /role="alert"/);
    assert.match(out, /autofocus/);
    assert.match(out, /<a href="#title">Écrivez au plus 120 caractères<\/a>/);
    assert.match(out, /<a href="#geo-lat">Remplissez ce champ<\/a>/);
  });

  it('renders nothing when the form has no problem', () => {
    assert.equal(ErrorSummary({ v, issues: [] }), null);
  });
});
