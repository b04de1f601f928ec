import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fold, parseText, type TextCommand } from './commands.ts';
import { classifyText } from './classify.ts';
import { normalisePhone } from './phone.ts';
import { textKeywords } from './wording.ts';
import { twilioSignature } from './gateways/index.ts';
import { maskPhone } from './gateways/log.ts';

const keywords = textKeywords();

describe('text keywords', () => {
  it('reads each keyword in any case and with accents or punctuation, in every language that has it', () => {
    assert.deepEqual(parseText('status 12', keywords), { kind: 'status', reference: '12', langs: ['en'] });
    assert.deepEqual(parseText('  Statut  KSM-2026-000012 ', keywords), { kind: 'status', reference: 'KSM-2026-000012', langs: ['fr'] });
    assert.deepEqual(parseText('Arrêt', keywords), { kind: 'stop', langs: ['fr'] });
    assert.deepEqual(parseText('STOP!', keywords), { kind: 'stop', langs: ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'sw'] });
    assert.deepEqual(parseText('estado 4', keywords), { kind: 'status', reference: '4', langs: ['es', 'pt'] });
    assert.deepEqual(parseText('Hali 4', keywords), { kind: 'status', reference: '4', langs: ['sw'] });
    assert.deepEqual(parseText('статус 4', keywords), { kind: 'status', reference: '4', langs: ['ru'] });
    assert.deepEqual(parseText('حالة 7', keywords), { kind: 'status', reference: '7', langs: ['ar'] });
    assert.deepEqual(parseText('FOLLOW', keywords), { kind: 'follow', reference: null, langs: ['en'] });
    assert.deepEqual(parseText('help', keywords), { kind: 'help', langs: ['en'] });
  });

  it('never takes a voice that begins with a keyword for a command', () => {
    for (const text of ['Stop the flooding on Main Road', 'Status of the clinic is terrible', 'Help! The bridge fell', 'Follow up on the lights please']) {
      assert.equal(parseText(text, keywords).kind, 'voice', text);
    }
  });

  it('never throws, and a command always carries a language and a reference-like argument or none', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom('STOP', 'status 12', 'suivre 3', 'statut', 'حالة ١')), (text) => {
      const command: TextCommand = parseText(text, keywords);
      if (command.kind === 'voice') return assert.equal(command.text, text.trim());
      assert.ok(command.langs.length > 0);
      if ((command.kind === 'status' || command.kind === 'follow') && command.reference !== null) assert.match(command.reference, /\d/);
    }));
  });

  it('folds to the same word whatever the case or accents', () => {
    fc.assert(fc.property(fc.constantFrom('arrêt', 'ARRET', 'Arret', 'arrêt.', '«arrêt»'), (word) => assert.equal(fold(word), 'ARRET')));
  });
});

describe('phone numbers', () => {
  it('accepts international numbers as gateways send them and refuses what it would have to guess', () => {
    assert.equal(normalisePhone('+254 711 000 001'), '+254711000001');
    assert.equal(normalisePhone('254711000001'), '+254711000001');
    assert.equal(normalisePhone('whatsapp:+221771234567'), '+221771234567');
    assert.equal(normalisePhone('00221771234567'), '+221771234567');
    for (const raw of ['0711000001', '12345', '+1234567890123456', 'abc', '', '+254-711-ABC']) assert.equal(normalisePhone(raw), null, raw);
  });

  it('is written to the log with its middle digits masked', () => {
    assert.equal(maskPhone('+254711000001'), '+254••••••001');
    fc.assert(fc.property(fc.stringMatching(/^\+[1-9]\d{7,14}$/), (phone) => {
      const masked = maskPhone(phone);
      assert.equal(masked.length, phone.length);
      assert.match(masked.slice(4, -3), /^•+$/, 'no digit between the country prefix and the last three');
      assert.equal(masked.slice(0, 4) + masked.slice(-3), phone.slice(0, 4) + phone.slice(-3));
    }));
  });

  it('gives E.164 or nothing, for any input', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const phone = normalisePhone(raw);
      if (phone !== null) assert.match(phone, /^\+[1-9]\d{7,14}$/);
    }));
  });
});

describe('sorting a text into the taxonomy', () => {
  const taxonomy = {
    categories: [{ slug: 'water', names: { en: 'Water', fr: 'Eau' } }, { slug: 'roads', names: { en: 'Roads and transport', fr: 'Routes' } }],
    areas: [{ slug: 'kondele', name: 'Kondele' }, { slug: 'old-town', name: 'Old Town' }],
  };
  it('takes the category from the first word and the area named anywhere', () => {
    assert.deepEqual(classifyText('eau pas de robinet à Kondele', taxonomy, {}), { category: 'water', area: 'kondele', description: 'pas de robinet à Kondele' });
    assert.deepEqual(classifyText('ROADS potholes in old town again', taxonomy, {}), { category: 'roads', area: 'old-town', description: 'potholes in old town again' });
  });
  it('falls back to the defaults, and to none when two areas are named', () => {
    assert.deepEqual(classifyText('the lights are out', taxonomy, { category: 'roads', area: 'kondele' }), { category: 'roads', area: 'kondele', description: 'the lights are out' });
    assert.deepEqual(classifyText('Water from Kondele to Old Town', taxonomy, {}), { category: 'water', area: null, description: 'from Kondele to Old Town' });
  });
  it('never throws and keeps the text when no category word is found', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const sorted = classifyText(text, taxonomy, {});
      if (sorted.category === null) assert.equal(sorted.description, text.trim());
    }));
  });
});

describe('Twilio request signatures', () => {
  // The worked example of Twilio's request-validation documentation and client libraries.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  it("reproduces Twilio's published vectors, including repeated fields", () => {
    const form = new URLSearchParams({ Digits: '1234', To: '+18005551212', From: '+14158675309', Caller: '+14158675309', CallSid: 'CA1234567890ABCDE' });
    assert.equal(twilioSignature('12345', url, form), 'RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    const repeated = new URLSearchParams([['Sid', 'CA123'], ['SidAccount', 'AC123'], ['Digits', '5678'], ['Digits', '1234'], ['Digits', '1234']]);
    assert.equal(twilioSignature('12345', url, repeated), 'IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });
});
