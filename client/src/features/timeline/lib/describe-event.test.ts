import { STANCE_INFO, TIMELINE_EVENT_TYPES } from '@coupole/shared';
import type { TimelineEvent } from '../api/get-timeline';
import { i18n } from '../../../lib/i18n';
import { describeEvent } from './describe-event';

function event(type: TimelineEvent['type'], payload: Record<string, unknown>, extra: Partial<TimelineEvent> = {}) {
  return {
    id: 'e1',
    type,
    documentId: 'd1',
    actor: { id: 'u1', displayName: 'Alice', federation: 'aleap' },
    at: '2025-03-01T10:00:00Z',
    payload,
    ...extra,
  } satisfies TimelineEvent;
}

const say = (e: TimelineEvent) => {
  const { key, values } = describeEvent(e);
  return i18n.t(key, values);
};

describe('describeEvent', () => {
  it('has a French sentence for every event type, with no placeholder left', () => {
    for (const type of TIMELINE_EVENT_TYPES) {
      const sentence = say(event(type, {}));
      expect(sentence).not.toMatch(/\{\{|timeline\./);
      expect(sentence.length).toBeGreaterThan(5);
    }
  });

  it('tells a comment on a suggestion’s card from one on the text', () => {
    expect(say(event('comment.created', { commentId: 'c1', excerpt: 'Pourquoi ?' }))).toBe('a commenté');
    expect(say(event('comment.created', { commentId: 'c2', excerpt: 'Pourquoi ?', suggestionId: 's1' }))).toBe('a commenté une suggestion');
  });

  it('counts grouped edits', () => {
    expect(say(event('document.edited', {}, { count: 14, until: '2025-03-01T10:12:00Z' }))).toBe(
      'a modifié le texte (14 modifications)',
    );
    expect(say(event('document.edited', {}, { count: 1 }))).toBe('a modifié le texte');
  });

  it('names the version, the round and the stance in French', () => {
    expect(say(event('version.created', { versionNumber: 3, label: 'Avant CA' }))).toBe('a figé la version 3');
    expect(describeEvent(event('version.created', { versionNumber: 3, label: 'Avant CA' })).detail).toBe('Avant CA');
    expect(say(event('position.cast', { roundNumber: 2, federation: 'caips', stance: 'reservations' }))).toBe(
      `a exprimé la position de CAIPS au tour 2 : ${STANCE_INFO.reservations.label}`,
    );
    expect(say(event('round.closed', { roundNumber: 1, outcome: 'blocked' }))).toContain('tour 1');
  });

  it('quotes the renamed title', () => {
    expect(say(event('document.renamed', { title: 'Mémorandum 2026', previousTitle: 'Brouillon' }))).toBe(
      'a renommé le document « Brouillon » en « Mémorandum 2026 »',
    );
  });
});
