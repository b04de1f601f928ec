import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LOCALES, formatMoney, translator } from '../../../core/i18n/index.ts';
import { USSD_SCREEN_LIMIT, screenLength } from '../../../core/ussd/screens.ts';
import { walkBallot, type WalkContext, type WalkProcess } from './ballot-walk.ts';

const longTitle = 'Rehabilitation of the footbridge over the river between the market and the primary school, with lighting';
const process: WalkProcess = {
  slug: 'pb', title: 'Budget 2027', currency: 'KES', design: { kind: 'approval-budget' }, minAge: 16,
  budgets: [{ id: 'city', area: null, amount: 100_000_000 }, { id: 'north', area: 'north', amount: 30_000_000 }],
  projects: [
    { code: '1', title: 'Water kiosk', cost: 20_000_000, budgetId: 'north' },
    { code: '2', title: longTitle, cost: 60_000_000, budgetId: 'city' },
    { code: '3', title: 'Clinic ramp', cost: 45_000_000, budgetId: 'city' },
  ],
};
const context = (locale: (typeof LOCALES)[number] = 'en', processes: WalkProcess[] = [process]): WalkContext => ({
  t: translator(locale), processes, areas: [{ slug: 'north', name: 'North' }, { slug: 'south', name: 'South' }],
  money: (minor, currency) => formatMoney(locale, minor, currency),
});
const walk = (typed: string, ctx = context()) => walkBallot(typed === '' ? [] : typed.split('*'), ctx);

describe('a USSD ballot', () => {
  it('asks the age, the district, then each project on its own screen, and casts what was chosen', () => {
    assert.deepEqual(walk(''), { kind: 'screen', text: 'Are you 16 or older?\n1. Yes\n2. No' });
    assert.equal(walk('2').kind, 'end');
    assert.match((walk('1') as { text: string }).text, /^Where do you live\?\n1\. North\n2\. South$/);
    // The city-wide budget's projects first, then the district's.
    assert.match((walk('1*1') as { text: string }).text, /^No\. 2 Rehabilitation of the footbridge.*…, KES 600,000\nLeft: KES 1,000,000\n1\. Yes\n2\. No$/);
    assert.equal((walk('1*1*1') as { text: string }).text, 'No. 3 Clinic ramp, KES 450,000\nLeft: KES 400,000\n1. Yes\n2. No');
    assert.equal((walk('1*1*1*1') as { text: string }).text, 'Not added: over the budget.\nNo. 1 Water kiosk, KES 200,000\nLeft: KES 300,000\n1. Yes\n2. No');
    assert.equal((walk('1*1*1*1*1') as { text: string }).text, 'You chose: 2, 1\n1. Vote\n2. Start again');
    assert.deepEqual(walk('1*1*1*1*1*1'), { kind: 'cast', process: 'pb', area: 'north', fields: { 'p-2': 'yes', 'p-1': 'yes' } });
  });

  it('repeats a screen with a notice after a key that is not offered, and starts again from the summary', () => {
    assert.match((walk('1*1*7') as { text: string }).text, /^Please press one of the numbers shown\.\nNo\. 2 Rehabilitation/);
    assert.match((walk('1*1*7*1') as { text: string }).text, /^No\. 3 /);
    assert.match((walk('1*1*2*2*2') as { text: string }).text, /^You chose no project\.\n2\. Start again$/);
    assert.match((walk('1*1*2*2*2*1') as { text: string }).text, /^Please press one of the numbers shown\./, 'nothing to vote for');
    assert.match((walk('1*1*2*2*2*2') as { text: string }).text, /^No\. 2 Rehabilitation/, 'start again');
    assert.deepEqual(walk('1*1*2*2*2*2*2*1*2*1'), { kind: 'cast', process: 'pb', area: 'north', fields: { 'p-3': 'yes' } });
  });

  it('asks for points or a place on other ballots, and which vote when several are open', () => {
    const points = { ...process, slug: 'points', title: 'Points vote', minAge: 0, budgets: [process.budgets[0]!], design: { kind: 'cumulative', points: 10, perProject: 5 } as const };
    const ctx = context('en', [points, process]);
    assert.equal((walk('', ctx) as { text: string }).text, 'Which vote?\n1. Points vote\n2. Budget 2027');
    assert.match((walk('1', ctx) as { text: string }).text, /\nYour points, 0 to 5:$/);
    assert.match((walk('1*9', ctx) as { text: string }).text, /^Please press one of the numbers shown\./);
    assert.deepEqual(walk('1*4*0*1', ctx), { kind: 'cast', process: 'points', area: undefined, fields: { 'points-2': '4' } });
  });

  it('fits every screen on a basic phone in every language, always with its choices, whatever is pressed', () => {
    for (const locale of LOCALES) {
      const ctx = context(locale);
      const no = translator(locale)('budgeting.ussd.no');
      for (const typed of ['', '1', '1*1', '1*1*1', '1*1*7', '1*1*1*1*1']) {
        const r = walk(typed, ctx);
        assert.ok(r.kind !== 'cast');
        assert.ok(screenLength(r.text) <= USSD_SCREEN_LIMIT, `${locale} ${typed}: ${screenLength(r.text)}`);
        if (typed !== '1' && typed !== '1*1*1*1*1') assert.ok(r.text.endsWith(`2. ${no}`), `${locale} ${typed}: ${r.text}`);
      }
    }
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom('1', '2', '0', '98', '7'), fc.string({ maxLength: 5 })), { maxLength: 15 }), fc.constantFrom(...LOCALES), (answers, locale) => {
      const r = walkBallot(answers, context(locale));
      if (r.kind !== 'cast') assert.ok(screenLength(r.text) <= USSD_SCREEN_LIMIT);
      else assert.ok(Object.keys(r.fields).length > 0);
    }));
  });
});
