import {
  amendmentBlocks,
  amendmentIntegratedBy,
  amendmentTaken,
  RESERVATION_EVENTS,
  RESERVATION_STATES,
  reservationTransition,
} from './amendments';
import { castAmendment, mayCarryAmendment } from './stances';
import { STANCES } from './types';

describe('mayCarryAmendment', () => {
  it('lets objections and reservations carry an amendment, never agree or stand aside', () => {
    expect(STANCES.filter(mayCarryAmendment)).toEqual(['reservations', 'object']);
  });
});

describe('castAmendment', () => {
  it('says a cast made an amendment only with a stance that may carry one and some text', () => {
    expect(castAmendment({ stance: 'object', amendment: 'Remplacer « trois » par « cinq ».' })).toBe(true);
    expect(castAmendment({ stance: 'reservations', amendment: 'Ajouter un délai.' })).toBe(true);
    expect(castAmendment({ stance: 'reservations', amendment: null })).toBe(false);
    expect(castAmendment({ stance: 'object', amendment: '  ' })).toBe(false);
    expect(castAmendment({ stance: 'agree', amendment: 'Ajouter un délai.' })).toBe(false);
  });
});

describe('amendmentBlocks', () => {
  it('says only an objection’s amendment answers a block', () => {
    expect(amendmentBlocks('objection')).toBe(true);
    expect(amendmentBlocks('reservation')).toBe(false);
  });
});

describe('reservationTransition', () => {
  it('moves only an open reservation, to integrated or withdrawn', () => {
    expect(reservationTransition('open', 'integrate')).toBe('integrated');
    expect(reservationTransition('open', 'withdraw')).toBe('withdrawn');
  });

  it('keeps integrated and withdrawn reservations final', () => {
    for (const state of RESERVATION_STATES.filter((state) => state !== 'open')) {
      for (const event of RESERVATION_EVENTS) expect(reservationTransition(state, event)).toBeNull();
    }
  });
});

describe('amendmentTaken', () => {
  it('counts an amendment taken when "accept the amendment" recorded it, even with no suggestion at all', () => {
    expect(amendmentTaken({ acceptedAt: '2026-12-02T05:00:00.000Z', statuses: [] })).toBe(true);
    expect(amendmentTaken({ acceptedAt: new Date(), statuses: ['accepted'] })).toBe(true);
  });

  it('counts it taken when every current suggestion was accepted one by one', () => {
    expect(amendmentTaken({ acceptedAt: null, statuses: ['withdrawn', 'accepted', 'accepted'] })).toBe(true);
  });

  it('does not count it taken while a suggestion is open, refused or orphaned, or when nothing was recorded', () => {
    expect(amendmentTaken({ acceptedAt: null, statuses: ['accepted', 'open'] })).toBe(false);
    expect(amendmentTaken({ acceptedAt: null, statuses: ['accepted', 'rejected'] })).toBe(false);
    expect(amendmentTaken({ acceptedAt: null, statuses: ['orphaned'] })).toBe(false);
    expect(amendmentTaken({ acceptedAt: null, statuses: [] })).toBe(false);
  });
});

describe('amendmentIntegratedBy', () => {
  const versionMarkdown = '# Note\n\nLe décret de 2025 prévoit un parcours gratuit.\n';

  it('integrates an amendment taken into the draft, or one whose text the version carries', () => {
    expect(amendmentIntegratedBy({ amendment: 'Autre texte.', taken: true, versionMarkdown })).toBe(true);
    expect(amendmentIntegratedBy({ amendment: 'Le décret de 2025 prévoit  un parcours gratuit.', taken: false, versionMarkdown })).toBe(true);
  });

  it('never integrates a record without amendment, nor one neither taken nor found', () => {
    expect(amendmentIntegratedBy({ amendment: null, taken: true, versionMarkdown })).toBe(false);
    expect(amendmentIntegratedBy({ amendment: 'Le décret de 2030.', taken: false, versionMarkdown })).toBe(false);
  });
});
