import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeXml, xmlList } from './xml.ts';

describe('GeoReport XML', () => {
  it('writes records as child elements, nulls empty', () => {
    assert.equal(xmlList('services', 'service', [{ service_code: 'water', metadata: false, group: null }]),
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>water</service_code><metadata>false</metadata><group></group></service></services>');
  });

  it('never lets text open markup or break the document', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const out = escapeXml(text);
      assert.doesNotMatch(out, /[<>"']/);
      assert.doesNotMatch(out, /&(?!(amp|lt|gt|quot|apos);)/);
      assert.doesNotMatch(out, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }));
  });
});
