import fc from 'fast-check';
import * as Y from 'yjs';
import { docFrom, sync, typeInRun } from './__fixtures__/replicas';
import { bodyFragment, yDocToMarkdown } from '../editor/ydoc';
import {
  anchorSpanAt,
  applyFormatSuggestion,
  applyParagraphSuggestion,
  applySuggestion,
  bodyText,
  locateUniqueSpan,
  paragraphEditProblem,
  suggestionSpanProblem,
} from './structural-suggestions';
import { anchorAt, anchorHolds, resolveSpan, runText, textRuns, type SuggestionAnchor } from './suggestion-anchors';
import { checkSuggestionFormat, suggestionFormatKey } from './suggestion-format';
import { hasStrayLineBreak, suggestionKind } from './suggestions';

function spanOf(doc: Y.Doc, quote: string): SuggestionAnchor {
  const located = locateUniqueSpan(doc, quote);
  if (!located.found) throw new Error(`quote ${JSON.stringify(quote)} not found (${located.occurrences})`);
  return located.anchor;
}

/** An insertion point at the end of the run holding `words`. */
function endOf(doc: Y.Doc, words: string): SuggestionAnchor {
  const run = textRuns(doc).find((text) => runText(text).includes(words));
  if (!run) throw new Error('run not found');
  return anchorAt({ text: run, index: run.length }, 0);
}

describe('paragraph and format kinds', () => {
  it('calls a change crossing a paragraph break a paragraph suggestion, and refuses lone line breaks', () => {
    expect(suggestionKind('', '\n\nNouveau paragraphe.')).toBe('paragraph');
    expect(suggestionKind('fin.\n\nDébut', 'fin. Début')).toBe('paragraph');
    expect(suggestionKind('fin', 'fin.')).toBe('replace');
    expect(hasStrayLineBreak('un\ndeux')).toBe(true);
    expect(hasStrayLineBreak('un\n\n\ndeux')).toBe(true);
    expect(hasStrayLineBreak('un\n\ndeux\n\n\n\ntrois')).toBe(false);
  });

  it('reads a format request once, naming the field at fault', () => {
    expect(checkSuggestionFormat({ mark: 'bold', action: 'add' })).toEqual({ valid: true, format: { mark: 'bold', action: 'add' } });
    expect(checkSuggestionFormat({ block: 'heading', level: 2 })).toEqual({ valid: true, format: { block: 'heading', level: 2 } });
    expect(checkSuggestionFormat({ mark: 'bold' })).toEqual({ valid: false, problem: 'format.action must be add or remove for a mark' });
    expect(checkSuggestionFormat({ block: 'heading', level: 5 })).toMatchObject({ valid: false, problem: expect.stringContaining('format.level') });
    expect(checkSuggestionFormat({ mark: 'link', action: 'add' })).toMatchObject({ valid: false, problem: expect.stringContaining('format.mark') });
    expect(checkSuggestionFormat({ mark: 'bold', block: 'paragraph', action: 'add' })).toMatchObject({ valid: false });
    expect(checkSuggestionFormat({})).toMatchObject({ valid: false, problem: 'format must have a mark or a block' });
    expect(suggestionFormatKey({ mark: 'italic', action: 'remove' })).toBe('italic.remove');
    expect(suggestionFormatKey({ block: 'heading', level: 3 })).toBe('heading.3');
  });
});

describe('locateUniqueSpan', () => {
  const doc = docFrom('Le décret prévoit un parcours.\n\nSecond paragraphe.\n\n- un\n- deux\n');

  it('finds a quote crossing consecutive paragraphs, read joined by a blank line', () => {
    const anchor = spanOf(doc, 'parcours.\n\nSecond');
    expect(resolveSpan(doc, anchor)?.current).toBe('parcours.\n\nSecond');
    expect(anchorHolds(doc, anchor, 'parcours.\n\nSecond')).toBe(true);
  });

  it('never starts or ends a quote inside a paragraph break', () => {
    expect(locateUniqueSpan(doc, '\nSecond')).toEqual({ found: false, occurrences: 0 });
    expect(locateUniqueSpan(doc, 'un\n\nde')).toMatchObject({ found: true });
  });
});

describe('applyParagraphSuggestion', () => {
  it('adds a paragraph after the quoted words, those keeping their formatting (the API form)', () => {
    const doc = docFrom('Le **décret** prévoit un parcours.\n\nFin.');
    const quote = '**décret** prévoit un parcours.'.replace(/\*/g, '');
    expect(applySuggestion(doc, { anchor: spanOf(doc, quote), quote, replacement: `${quote}\n\nUn nouveau paragraphe.` })).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Le **décret** prévoit un parcours.\n\nUn nouveau paragraphe.\n\nFin.\n');
  });

  it('splits a paragraph where Enter was pressed, the rest of it going into the new one', () => {
    const doc = docFrom('Le décret prévoit un parcours.');
    const [run] = textRuns(doc);
    const anchor = anchorAt({ text: run, index: 'Le décret prévoit'.length }, 0);
    expect(applyParagraphSuggestion(doc, anchor, '', '\n\nEt aussi')).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Le décret prévoit\n\nEt aussi un parcours.\n');
  });

  it('joins two paragraphs (a deletion across the break)', () => {
    const doc = docFrom('Premier paragraphe.\n\nSecond paragraphe.\n\nTroisième.');
    expect(applySuggestion(doc, { anchor: spanOf(doc, 'paragraphe.\n\nSecond'), quote: 'paragraphe.\n\nSecond', replacement: 'paragraphe. Second' })).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Premier paragraphe. Second paragraphe.\n\nTroisième.\n');
  });

  it('deletes whole paragraphs across three of them', () => {
    const doc = docFrom('Un.\n\nDeux.\n\nTrois.');
    expect(applySuggestion(doc, { anchor: spanOf(doc, 'Un.\n\nDeux.\n\n'), quote: 'Un.\n\nDeux.\n\n', replacement: '' })).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Trois.\n');
  });

  it('continues a heading split at its end as a paragraph, and a list item as a new list item', () => {
    const doc = docFrom('# Titre\n\n- un\n- deux\n');
    expect(applyParagraphSuggestion(doc, endOf(doc, 'Titre'), '', '\n\nIntroduction.')).toBe(true);
    expect(applyParagraphSuggestion(doc, endOf(doc, 'un'), '', '\n\nun et demi')).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('# Titre\n\nIntroduction.\n\n- un\n- un et demi\n- deux\n');
  });

  it('refuses to join two list items or a paragraph and a list', () => {
    const doc = docFrom('Avant.\n\n- un\n- deux\n');
    for (const quote of ['un\n\ndeux', 'Avant.\n\nun']) {
      const span = resolveSpan(doc, spanOf(doc, quote));
      expect(span && paragraphEditProblem(span)).toMatch(/consecutive paragraphs/);
      expect(applyParagraphSuggestion(doc, spanOf(doc, quote), quote, quote.replace('\n\n', ' '))).toBe(false);
    }
    expect(yDocToMarkdown(doc)).toBe('Avant.\n\n- un\n- deux\n');
  });

  it('is orphaned once a paragraph is added between the joined ones', () => {
    const doc = docFrom('Premier.\n\nSecond.');
    const anchor = spanOf(doc, 'Premier.\n\nSecond.');
    const between = new Y.XmlElement('paragraph');
    bodyFragment(doc).insert(1, [between]);
    between.insert(0, [new Y.XmlText('Milieu.')]);
    expect(anchorHolds(doc, anchor, 'Premier.\n\nSecond.')).toBe(false);
    expect(applyParagraphSuggestion(doc, anchor, 'Premier.\n\nSecond.', 'Premier. Second.')).toBe(false);
  });
});

describe('applyFormatSuggestion', () => {
  it('adds and removes a mark over exactly the quoted characters, even across paragraphs', () => {
    const doc = docFrom('Le décret de *2018* prévoit.\n\nSecond paragraphe.');
    expect(applyFormatSuggestion(doc, spanOf(doc, 'prévoit.\n\nSecond'), 'prévoit.\n\nSecond', { mark: 'bold', action: 'add' })).toBe(true);
    expect(applyFormatSuggestion(doc, spanOf(doc, '2018'), '2018', { mark: 'italic', action: 'remove' })).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Le décret de 2018 **prévoit.**\n\n**Second** paragraphe.\n');
  });

  it('changes block types: heading level, back to paragraph, into a list and out of one', () => {
    const doc = docFrom('Titre\n\n## Sous-titre\n\nUn.\n\nDeux.\n\n- a\n- b\n- c\n');
    expect(applyFormatSuggestion(doc, spanOf(doc, 'Titre'), 'Titre', { block: 'heading', level: 1 })).toBe(true);
    expect(applyFormatSuggestion(doc, spanOf(doc, 'Sous-titre'), 'Sous-titre', { block: 'paragraph' })).toBe(true);
    expect(applyFormatSuggestion(doc, spanOf(doc, 'Un.\n\nDeux.'), 'Un.\n\nDeux.', { block: 'orderedList' })).toBe(true);
    expect(applyFormatSuggestion(doc, spanOf(doc, 'b'), 'b', { block: 'paragraph' })).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('# Titre\n\nSous-titre\n\n1. Un.\n2. Deux.\n\n- a\n\nb\n\n- c\n');
  });

  it('turns a bullet list into a numbered one, and refuses a heading inside a list item', () => {
    const doc = docFrom('- a\n- b\n');
    const span = resolveSpan(doc, spanOf(doc, 'a'));
    expect(span && suggestionSpanProblem(span, 'a', 'a', { block: 'heading', level: 2 })).toMatch(/list item/);
    expect(applyFormatSuggestion(doc, spanOf(doc, 'a'), 'a', { block: 'orderedList' })).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('1. a\n2. b\n');
  });

  it('does nothing once the quoted words changed', () => {
    const doc = docFrom('Le décret de 2018.');
    const anchor = spanOf(doc, 'décret');
    textRuns(doc)[0].insert(5, 'x');
    expect(applyFormatSuggestion(doc, anchor, 'décret', { mark: 'bold', action: 'add' })).toBe(false);
    expect(yDocToMarkdown(doc)).toBe('Le déxcret de 2018.\n');
  });
});

describe('paragraph and format suggestions under random concurrent edits (property)', () => {
  type Edit = { replica: 0 | 1; at: number; deleteCount: number; insert: string; structural: 'none' | 'add' | 'remove' };
  const edit = fc.record({
    replica: fc.constantFrom<0 | 1>(0, 1),
    at: fc.nat({ max: 80 }),
    deleteCount: fc.nat({ max: 6 }),
    insert: fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', 'x'), maxLength: 4 }),
    structural: fc.constantFrom<'none' | 'add' | 'remove'>('none', 'none', 'none', 'add', 'remove'),
  });

  /** Typing in a run, or adding / removing a whole paragraph (what co-editors do meanwhile). */
  function applyEdit(doc: Y.Doc, { at, deleteCount, insert, structural }: Edit): void {
    const body = bodyFragment(doc);
    if (structural === 'add') {
      const paragraph = new Y.XmlElement('paragraph');
      body.insert(at % (body.length + 1), [paragraph]);
      paragraph.insert(0, [new Y.XmlText(`ajout ${insert}`)]);
      return;
    }
    if (structural === 'remove') {
      if (body.length > 1) body.delete(at % body.length, 1);
      return;
    }
    typeInRun(doc, { at, deleteCount, insert });
  }

  const markdown = 'Les ILI accompagnent les personnes.\n\nLe décret de 2018 prévoit un parcours.\n\nLa Coupole parle pour tous.\n';
  const cases = [
    { name: 'a join', quote: 'personnes.\n\nLe décret', replacement: 'personnes. Le décret', format: null },
    { name: 'a split', quote: 'décret de 2018', replacement: 'décret\n\nde 2018', format: null },
    { name: 'a bold mark across paragraphs', quote: 'parcours.\n\nLa Coupole', replacement: 'parcours.\n\nLa Coupole', format: { mark: 'bold', action: 'add' } as const },
    { name: 'a heading', quote: 'La Coupole parle', replacement: 'La Coupole parle', format: { block: 'heading', level: 2 } as const },
  ];

  for (const suggestion of cases) {
    it(`${suggestion.name}: either still on exactly its quote on both replicas, or orphaned; accepting gives exactly the suggested text`, () => {
      fc.assert(
        fc.property(fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (rounds, acceptAtEnd) => {
          const replicas = [docFrom(markdown, 1), docFrom(markdown, 2)];
          const anchor = spanOf(replicas[0], suggestion.quote);
          for (const round of rounds) {
            for (const step of round) applyEdit(replicas[step.replica], step);
            sync(replicas[0], replicas[1]);
            for (const doc of replicas) {
              const span = resolveSpan(doc, anchor);
              if (anchorHolds(doc, anchor, suggestion.quote)) expect(span?.current).toBe(suggestion.quote);
              else expect(span === null || span.current !== suggestion.quote).toBe(true);
            }
            expect(anchorHolds(replicas[0], anchor, suggestion.quote)).toBe(anchorHolds(replicas[1], anchor, suggestion.quote));
          }
          if (!acceptAtEnd) return;
          const doc = replicas[0];
          const holds = anchorHolds(doc, anchor, suggestion.quote);
          const span = resolveSpan(doc, anchor);
          const before = bodyText(doc);
          const problem = span ? suggestionSpanProblem(span, suggestion.quote, suggestion.replacement, suggestion.format) : 'gone';
          const applied = applySuggestion(doc, { anchor, ...suggestion });
          expect(applied).toBe(holds && problem === null);
          if (!applied) expect(bodyText(doc)).toBe(before);
          else if (!suggestion.format) expect(bodyText(doc)).toBe(before.replace(suggestion.quote, suggestion.replacement));
          else expect(bodyText(doc)).toBe(before);
          // The other replica converges on the same text once it receives the acceptance.
          sync(replicas[0], replicas[1]);
          expect(yDocToMarkdown(replicas[1])).toBe(yDocToMarkdown(doc));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('a new paragraph suggested at the end of a paragraph stays at the end of that same paragraph', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (rounds) => {
        const replicas = [docFrom(markdown, 1), docFrom(markdown, 2)];
        const anchor = endOf(replicas[0], 'décret');
        const runs = replicas.map((doc) => textRuns(doc)[1]);
        for (const round of rounds) {
          for (const step of round) applyEdit(replicas[step.replica], step);
          sync(replicas[0], replicas[1]);
        }
        replicas.forEach((doc, i) => {
          const span = resolveSpan(doc, anchor);
          if (!span) return;
          // Never misplaced: on the same run, at its end.
          expect(span.segments[0].text).toBe(runs[i]);
          expect(span.segments[0].from).toBe(runs[i].length);
        });
        const span = resolveSpan(replicas[0], anchor);
        if (span && paragraphEditProblem(span) === null) {
          const paragraphBefore = runText(runs[0]);
          expect(applyParagraphSuggestion(replicas[0], anchor, '', '\n\nNouveau.')).toBe(true);
          const texts = textRuns(replicas[0]).map(runText);
          expect(texts[texts.indexOf(paragraphBefore) + 1]).toBe('Nouveau.');
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('anchorSpanAt', () => {
  it('anchors a deletion of the break alone (Backspace at the start of a paragraph)', () => {
    const doc = docFrom('Premier.\n\nSecond.');
    const [first, second] = textRuns(doc);
    const anchor = anchorSpanAt({ text: first, index: first.length }, { text: second, index: 0 });
    expect(resolveSpan(doc, anchor)?.current).toBe('\n\n');
    expect(applyParagraphSuggestion(doc, anchor, '\n\n', '')).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Premier.Second.\n');
  });
});
