import { FEDERATION_SLUGS, type FederationSlug } from '../domain/federations';
import { unitConcerned } from '../editor/paragraphs';
import type { Stance } from './types';

export interface ConvergenceEntry {
  federation: FederationSlug;
  /** `paragraph`: the position points at this paragraph; `whole_text`: it points at none. */
  scope: 'paragraph' | 'whole_text';
}

export interface ConvergenceRow {
  paragraphId: string;
  stances: Record<Stance, ConvergenceEntry[]>;
}

/**
 * Paragraph by paragraph, who agrees, has reservations, stands aside or objects there.
 * A position without paragraphs speaks for the whole text and appears on every row; one
 * that points at paragraphs appears only on those rows (a list's or table's id points at each of
 * its items or rows, given as `{ id, blockId }`). Unknown ids are ignored. Rows follow
 * `paragraphs`, federations the canonical order.
 */
export function convergenceMap(
  paragraphs: readonly (string | { id: string; blockId: string })[],
  positions: readonly { federation: FederationSlug; stance: Stance; paragraphs?: readonly string[] }[],
): ConvergenceRow[] {
  const byFederation = new Map(positions.map((position) => [position.federation, position]));
  const ordered = FEDERATION_SLUGS.flatMap((slug) => byFederation.get(slug) ?? []);
  return paragraphs.map((paragraph) => {
    const unit = typeof paragraph === 'string' ? { id: paragraph, blockId: paragraph } : paragraph;
    const stances: Record<Stance, ConvergenceEntry[]> = {
      agree: [],
      reservations: [],
      stand_aside: [],
      object: [],
    };
    for (const position of ordered) {
      const pointed = position.paragraphs ?? [];
      if (pointed.length === 0) {
        stances[position.stance].push({ federation: position.federation, scope: 'whole_text' });
      } else if (unitConcerned(unit, pointed)) {
        stances[position.stance].push({ federation: position.federation, scope: 'paragraph' });
      }
    }
    return { paragraphId: unit.id, stances };
  });
}
