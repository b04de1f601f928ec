import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { menuPage, pageLayout, promptScreen, shorten, screenLength, USSD_SCREEN_LIMIT, MORE_CHOICE } from './screens.ts';

const anyText = (max: number) => fc.string({ unit: fc.constantFrom('a', 'é', 'ب', '水', ' ', '\n', '😀', 'W', '-', '1'), maxLength: max });

describe('USSD screens', () => {
  it('fit every page of any list within the gateway limit, and show each option exactly once', () => {
    fc.assert(
      fc.property(anyText(200), fc.array(anyText(90).filter((s) => s.trim() !== ''), { maxLength: 40 }), anyText(60), (title, labels, more) => {
        const seen: number[] = [];
        let start: number | null = 0;
        let pages = 0;
        while (start !== null) {
          const page = menuPage(title, labels, start, more);
          assert.deepEqual({ shown: page.shown, next: page.next }, pageLayout(labels, start), 'the layout does not depend on the title');
          assert.ok(screenLength(page.text) <= USSD_SCREEN_LIMIT, `${screenLength(page.text)} characters`);
          if (labels.length > 0) assert.ok(page.shown.length > 0, 'a page always moves the list on');
          seen.push(...page.shown);
          assert.equal(page.text.includes(`\n${MORE_CHOICE}. `), page.next !== null);
          start = page.next;
          pages++;
          assert.ok(pages <= labels.length + 1);
        }
        assert.deepEqual(seen, labels.map((_, i) => i));
      }),
    );
  });

  it('fits a prompt and its notice', () => {
    fc.assert(fc.property(anyText(300), anyText(300), (prompt, notice) => {
      assert.ok(screenLength(promptScreen(prompt, notice)) <= USSD_SCREEN_LIMIT);
    }));
  });

  it('shortens by whole characters and marks the cut', () => {
    assert.equal(shorten('Water and sanitation services', 10), 'Water and…');
    assert.equal(shorten('😀😀😀', 2), '😀…');
    assert.equal(shorten('short', 10), 'short');
  });
});
