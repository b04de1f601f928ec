// Which area (ward) a point lies in, and what counts as a valid boundary. Pure, no I/O.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaBoundary } from './schema.ts';

export function pointInBoundary(boundary: AreaBoundary, longitude: number, latitude: number): boolean {
  return booleanPointInPolygon([longitude, latitude], boundary);
}

export function areaContaining<A extends { boundary: AreaBoundary | null }>(areas: readonly A[], longitude: number, latitude: number): A | undefined {
  return areas.find((a) => a.boundary && pointInBoundary(a.boundary, longitude, latitude));
}

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;

const isRing = (r: unknown): boolean => {
  if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return false;
  const first = r[0] as number[];
  const last = r[r.length - 1] as number[];
  return first[0] === last[0] && first[1] === last[1];
};
const isPolygon = (c: unknown) => Array.isArray(c) && c.length > 0 && c.every(isRing);

/**
 * Reads a GeoJSON Polygon or MultiPolygon (bare, or as a Feature's geometry) from text.
 * Returns null when the text is not such a geometry with closed rings of WGS84 positions.
 */
export function parseBoundary(text: string): AreaBoundary | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Feature') {
    value = (value as { geometry?: unknown }).geometry;
  }
  if (!value || typeof value !== 'object') return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon' && isPolygon(coordinates)) return { type, coordinates: coordinates as number[][][] };
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)) {
    return { type, coordinates: coordinates as number[][][][] };
  }
  return null;
}
