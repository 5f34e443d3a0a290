import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tilesFor, validTileTemplate, MAX_TILES } from './tiles.js';

const frame = { x0: 0, y0: 0, worldWidth: 256 };

test('the whole world at one tile of 256 units is tile 0/0/0', () => {
  const tiles = tilesFor(frame, { k: 1, x: 0, y: 0, w: 256, h: 256 }, 'https://t.example/{z}/{x}/{y}.png');
  assert.deepEqual(tiles.map((t) => [t.z, t.x, t.y, t.url]), [[0, 0, 0, 'https://t.example/0/0/0.png']]);
});

test('zooming in picks a deeper level and only the tiles in view', () => {
  // k = 4: the world is 1024 units on screen, zoom 2 (4×4 tiles of 64 projection units).
  const tiles = tilesFor(frame, { k: 4, x: -512, y: -512, w: 256, h: 256 }, 'https://t.example/{z}/{x}/{y}.png');
  assert.ok(tiles.every((t) => t.z === 2));
  assert.deepEqual(tiles.map((t) => `${t.x}/${t.y}`).sort(), ['2/2']);
  assert.equal(tiles[0]!.left, 128);
  assert.equal(tiles[0]!.size, 64);
});

test('never more than MAX_TILES, and only http(s) templates with z, x, y', () => {
  assert.ok(tilesFor(frame, { k: 64, x: 0, y: 0, w: 100000, h: 100000 }, 'https://t/{z}/{x}/{y}').length <= MAX_TILES);
  assert.equal(validTileTemplate('https://tile.example.org/{z}/{x}/{y}.png'), true);
  assert.equal(validTileTemplate('file:///tiles/{z}/{x}/{y}.png'), false);
  assert.equal(validTileTemplate('https://tile.example.org/{z}/{x}.png'), false);
});
