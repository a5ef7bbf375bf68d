type Addressed = { id: string; markdown: string };

/**
 * The frozen text (Markdown) of the paragraphs an amendment replaces, in the order they are
 * named: list items and table rows as addressed, whole blocks (a list pointed at as a whole) as
 * stored.
 */
export function replacedUnits(ids: readonly string[], units: readonly Addressed[], blocks: readonly Addressed[] = []): string[] {
  return ids.flatMap((id) => (units.find((unit) => unit.id === id) ?? blocks.find((block) => block.id === id))?.markdown ?? []);
}
