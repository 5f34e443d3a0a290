// Greedy screen-space clustering: points closer than `radius` pixels to a cluster's first
// point join it. Cheap and stable enough for a few thousand places.
export type ClusterPoint<T> = { x: number; y: number; weight: number; item: T };
export type Cluster<T> = { x: number; y: number; weight: number; items: T[] };

export function clusterPoints<T>(points: readonly ClusterPoint<T>[], radius: number): Cluster<T>[] {
  const sorted = [...points].sort((a, b) => b.weight - a.weight);
  const clusters: (Cluster<T> & { sx: number; sy: number })[] = [];
  const r2 = radius * radius;
  for (const p of sorted) {
    const hit = clusters.find((c) => (c.sx - p.x) ** 2 + (c.sy - p.y) ** 2 <= r2);
    if (hit) {
      const w = hit.weight + p.weight;
      // Weighted centre so a cluster sits where most of its events are.
      hit.x = (hit.x * hit.weight + p.x * p.weight) / (w || 1);
      hit.y = (hit.y * hit.weight + p.y * p.weight) / (w || 1);
      hit.weight = w;
      hit.items.push(p.item);
    } else {
      clusters.push({ x: p.x, y: p.y, sx: p.x, sy: p.y, weight: p.weight, items: [p.item] });
    }
  }
  return clusters.map(({ x, y, weight, items }) => ({ x, y, weight, items }));
}
