// Optional online base layer: which XYZ (Web Mercator) tiles cover the map's view, and where
// each sits in the projection's coordinates. The offline world map stays the default.

/** The projection's frame: where longitude −180 and the top of the Mercator square (lat 85.0511°) land, and the world's width. */
export type MercatorFrame = { x0: number; y0: number; worldWidth: number };
/** The map's pan/zoom: screen = projection × k + (x, y), over a viewport of w × h. */
export type ViewFrame = { k: number; x: number; y: number; w: number; h: number };
export type Tile = { z: number; x: number; y: number; left: number; top: number; size: number; url: string };

export const MAX_TILES = 64;

export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** True for a template this map can use: http(s) with {z}, {x} and {y}. */
export function validTileTemplate(template: string): boolean {
  return /^https?:\/\//.test(template) && ['{z}', '{x}', '{y}'].every((p) => template.includes(p));
}

export function tilesFor(frame: MercatorFrame, view: ViewFrame, template: string): Tile[] {
  const onScreen = frame.worldWidth * view.k;
  const z = Math.max(0, Math.min(18, Math.round(Math.log2(onScreen / 256))));
  const n = 2 ** z;
  const size = frame.worldWidth / n;
  // The viewport in projection units.
  const px0 = -view.x / view.k; const px1 = (view.w - view.x) / view.k;
  const py0 = -view.y / view.k; const py1 = (view.h - view.y) / view.k;
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
  const tx0 = clamp(Math.floor((px0 - frame.x0) / size)); const tx1 = clamp(Math.ceil((px1 - frame.x0) / size) - 1);
  const ty0 = clamp(Math.floor((py0 - frame.y0) / size)); const ty1 = clamp(Math.ceil((py1 - frame.y0) / size) - 1);
  const tiles: Tile[] = [];
  for (let ty = ty0; ty <= ty1; ty++) {
    for (let tx = tx0; tx <= tx1; tx++) {
      if (tiles.length >= MAX_TILES) return tiles;
      tiles.push({ z, x: tx, y: ty, left: frame.x0 + tx * size, top: frame.y0 + ty * size, size, url: tileUrl(template, z, tx, ty) });
    }
  }
  return tiles;
}
