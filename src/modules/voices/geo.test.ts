import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { areaContaining, parseBoundary, pointInBoundary } from './geo.ts';

const square = { type: 'Polygon' as const, coordinates: [[[34, -1], [35, -1], [35, 0], [34, 0], [34, -1]]] };

describe('areas and points', () => {
  it('places points strictly inside a square inside it, and points outside outside', () => {
    fc.assert(fc.property(fc.double({ min: 34.001, max: 34.999, noNaN: true }), fc.double({ min: -0.999, max: -0.001, noNaN: true }), (lon, lat) => pointInBoundary(square, lon, lat)));
    fc.assert(fc.property(fc.double({ min: 35.001, max: 179, noNaN: true }), fc.double({ min: -89, max: 89, noNaN: true }), (lon, lat) => !pointInBoundary(square, lon, lat)));
  });

  it('finds the area containing a point, ignoring areas without boundaries', () => {
    const areas = [{ slug: 'none', boundary: null }, { slug: 'sq', boundary: square }];
    assert.equal(areaContaining(areas, 34.5, -0.5)?.slug, 'sq');
    assert.equal(areaContaining(areas, 10, 10), undefined);
  });

  it('reads Polygon, MultiPolygon and Feature boundaries', () => {
    assert.deepEqual(parseBoundary(JSON.stringify(square)), square);
    assert.deepEqual(parseBoundary(JSON.stringify({ type: 'Feature', properties: {}, geometry: square })), square);
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    assert.deepEqual(parseBoundary(JSON.stringify(multi)), multi);
  });

  it('refuses anything that is not a closed WGS84 polygon', () => {
    for (const bad of [
      '', 'not json', '{}', '[]', 'null',
      JSON.stringify({ type: 'Point', coordinates: [34, 0] }),
      JSON.stringify({ type: 'Polygon', coordinates: [[[34, -1], [35, -1], [35, 0], [34, 0]]] }),
      JSON.stringify({ type: 'Polygon', coordinates: [[[340, -1], [35, -1], [35, 0], [340, -1]]] }),
      JSON.stringify({ type: 'Polygon', coordinates: [[['a', -1], [35, -1], [35, 0], ['a', -1]]] }),
    ]) assert.equal(parseBoundary(bad), null, bad);
    fc.assert(fc.property(fc.string(), (s) => {
      const b = parseBoundary(s);
      return b === null || b.type === 'Polygon' || b.type === 'MultiPolygon';
    }));
  });
});
