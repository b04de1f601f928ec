import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseUrlEncoded } from './form.ts';
import { AppError } from '../result.ts';

const encode = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('strict form decoding', () => {
  it('reads back what URLSearchParams wrote', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k.isWellFormed()), fc.string().filter((v) => v.isWellFormed()), { maxKeys: 20 }), (fields) => {
      const body = new URLSearchParams(fields).toString();
      assert.deepEqual({ ...parseUrlEncoded(encode(body)) }, { ...fields });
    }));
  });

  it('refuses invalid UTF-8 and broken escapes instead of guessing', () => {
    assert.throws(() => parseUrlEncoded(new Uint8Array([0x61, 0x3d, 0xff]).buffer), (e: unknown) => e instanceof AppError && e.status === 400);
    assert.throws(() => parseUrlEncoded(encode('a=%FF')), AppError);
    assert.throws(() => parseUrlEncoded(encode('a=%E0%A4')), AppError);
  });

  it('refuses forms with an unreasonable number of fields', () => {
    assert.throws(() => parseUrlEncoded(encode(Array.from({ length: 101 }, (_, i) => `f${i}=1`).join('&'))), AppError);
  });
});
