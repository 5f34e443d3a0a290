import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BANDS, bandKeys, estimateSimilarity, fingerprint, isNearDuplicate, NEAR_DUPLICATE_THRESHOLD, NUM_HASHES } from './minhash.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const a = fixture('article-a.txt');
const b = fixture('article-b.txt');
const syndicated = `Republished from our partner agency. Sign up for the morning briefing to get stories like this first.\n\n${a}\n\nThis article first appeared in a partner publication and is shared under a content agreement. Comments are closed.`;
const sharedKeys = (x: string[], y: string[]) => x.filter((k) => y.includes(k)).length;

describe('MinHash fingerprints', () => {
  it('are deterministic 32-bit signatures of fixed length', () => {
    const f = fingerprint(a);
    assert.equal(f.length, NUM_HASHES);
    assert.deepEqual(fingerprint(a), f);
    assert.ok(f.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffffffff));
  });
  it('ignore case, punctuation and spacing', () => {
    assert.equal(estimateSimilarity(fingerprint(a), fingerprint(a.toUpperCase().replace(/[,.]/g, ' '))), 1);
  });
  it('find a syndicated copy with a different header and footer to be a near-duplicate', () => {
    const s = estimateSimilarity(fingerprint(a), fingerprint(syndicated));
    assert.ok(s >= NEAR_DUPLICATE_THRESHOLD, `similarity ${s}`);
    assert.ok(isNearDuplicate(fingerprint(a), fingerprint(syndicated)));
  });
  it('keep different articles apart', () => {
    const s = estimateSimilarity(fingerprint(a), fingerprint(b));
    assert.ok(s < 0.1, `similarity ${s}`);
    assert.equal(isNearDuplicate(fingerprint(a), fingerprint(b)), false);
  });
  it('treat two empty texts as not similar', () => {
    assert.equal(estimateSimilarity(fingerprint(''), fingerprint('')), 0);
    assert.equal(estimateSimilarity(fingerprint('one two'), fingerprint('one two')), 1);
  });
});

describe('LSH band keys', () => {
  it('give one key per band, shared by near-duplicates and not by different articles', () => {
    const ka = bandKeys(fingerprint(a));
    assert.equal(ka.length, BANDS);
    assert.equal(new Set(ka).size, BANDS);
    assert.ok(sharedKeys(ka, bandKeys(fingerprint(syndicated))) >= 1);
    assert.equal(sharedKeys(ka, bandKeys(fingerprint(b))), 0);
  });
});
