import { FEDERATION_SLUGS, type FederationSlug } from '../domain/federations';
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
 * that points at paragraphs appears only on those rows. Unknown ids are ignored. Rows follow
 * `paragraphIds`, federations the canonical order.
 */
export function convergenceMap(
  paragraphIds: readonly string[],
  positions: readonly { federation: FederationSlug; stance: Stance; paragraphs?: readonly string[] }[],
): ConvergenceRow[] {
  const byFederation = new Map(positions.map((position) => [position.federation, position]));
  const ordered = FEDERATION_SLUGS.flatMap((slug) => byFederation.get(slug) ?? []);
  return paragraphIds.map((paragraphId) => {
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
      } else if (pointed.includes(paragraphId)) {
        stances[position.stance].push({ federation: position.federation, scope: 'paragraph' });
      }
    }
    return { paragraphId, stances };
  });
}
