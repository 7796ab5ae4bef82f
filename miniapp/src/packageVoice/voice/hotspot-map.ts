/** Where each spot sits on the simple map: percent of the spots' bounding box, north up. */
export function spotPositions<S extends { location: { lat: number; lng: number } }>(
  spots: readonly S[],
): { spot: S; left: number; top: number }[] {
  if (spots.length === 0) return []
  const lats = spots.map((spot) => spot.location.lat)
  const lngs = spots.map((spot) => spot.location.lng)
  const [south, north] = [Math.min(...lats), Math.max(...lats)]
  const [west, east] = [Math.min(...lngs), Math.max(...lngs)]
  // A margin of 8 % keeps the dots inside the frame; one spot (or one line) sits centred.
  const place = (value: number, low: number, high: number) =>
    high - low < 1e-9 ? 50 : 8 + ((value - low) / (high - low)) * 84
  return spots.map((spot) => ({
    spot,
    left: place(spot.location.lng, west, east),
    top: 100 - place(spot.location.lat, south, north),
  }))
}
