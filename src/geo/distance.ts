// Great-circle distance, used wherever places are compared: resolving ambiguous names,
// merging events across documents, scoring against gold within a distance.
const EARTH_RADIUS_KM = 6371;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The same, for two points given as objects. */
export function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distanceKm(a.lat, a.lon, b.lat, b.lon);
}
