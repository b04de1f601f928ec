import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALES, loadCatalog, negotiateLocale, translator, directionOf } from './catalog.ts';

function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, out);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('message catalogues', () => {
  const en = loadCatalog('en');

  it('has every English message in every language, with the same placeholders', () => {
    for (const locale of LOCALES) {
      const catalog = loadCatalog(locale);
      assert.deepEqual(Object.keys(catalog).sort(), Object.keys(en).sort(), `${locale} has the same keys as en`);
      for (const [key, message] of Object.entries(catalog)) {
        const args = [...argumentsOf(parse(message))].sort();
        assert.deepEqual(args, [...argumentsOf(parse(en[key]!))].sort(), `${locale} ${key} placeholders`);
      }
    }
  });

  it('has a message for every key the code uses', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!(m[1]! in en)) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/messageKey: '([a-zA-Z0-9_.-]+)'|'(error\.[a-zA-Z0-9_.]+)'/g)) {
        const key = m[1] ?? m[2]!;
        if (!(key in en)) missing.push(`${file}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has no message the code never uses', () => {
    // A key is used when it appears as a string in the code, or when the code builds it from a
    // prefix and a value (`status.${status}`).
    const literals = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`]([a-zA-Z0-9_.-]+)['"`]/g)) literals.add(m[1]!);
      for (const m of text.matchAll(/`([a-zA-Z0-9_.-]+\.)\$\{/g)) prefixes.add(m[1]!);
    }
    const unused = Object.keys(en).filter((key) => !literals.has(key) && ![...prefixes].some((p) => key.startsWith(p) && !key.slice(p.length).includes('.')));
    assert.deepEqual(unused, []);
  });

  it('formats plurals by each language\'s rules', () => {
    assert.equal(translator('en')('voices.supportCount', { count: 1 }), '1 supporter');
    assert.equal(translator('fr')('voices.supportCount', { count: 2 }), '2 soutiens');
    assert.equal(translator('ar')('voices.supportCount', { count: 2 }), 'داعمان');
    assert.equal(translator('ar')('voices.supportCount', { count: 3 }), '3 داعمين');
    assert.equal(translator('ru')('voices.supportCount', { count: 1 }), '1 поддержка');
    assert.equal(translator('ru')('voices.supportCount', { count: 3 }), '3 поддержки');
    assert.equal(translator('ru')('voices.supportCount', { count: 5 }), '5 поддержек');
    assert.equal(translator('ru')('voices.supportCount', { count: 21 }), '21 поддержка');
    assert.equal(translator('sw')('priority.supporterCount', { count: 2 }), 'watu 2 wanakiunga mkono');
    assert.equal(translator('zh')('voices.supportCount', { count: 2 }), '2 人支持');
  });

  it('picks the best language from Accept-Language and lays Arabic out right to left', () => {
    assert.equal(negotiateLocale('fr-SN,fr;q=0.9,en;q=0.8'), 'fr');
    assert.equal(negotiateLocale('sw-KE, ar;q=0.5, en;q=0.4'), 'sw');
    assert.equal(negotiateLocale('de-DE, zh-CN;q=0.5, en;q=0.4'), 'zh');
    assert.equal(negotiateLocale('pt-BR'), 'pt');
    assert.equal(negotiateLocale('de-DE'), 'en');
    assert.equal(negotiateLocale('en;q=0, fr;q=0.1'), 'fr');
    assert.equal(negotiateLocale(undefined), 'en');
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('fr'), 'ltr');
  });
});
