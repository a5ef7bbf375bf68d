import * as shared from '../index';
import * as consensus from './index';

describe('consensus exports', () => {
  it('are reachable from the package root', () => {
    for (const name of [
      'roundOutcome',
      'explainOutcome',
      'tally',
      'validatePosition',
      'objectionTransition',
      'carryOpenObjections',
      'canonicalJson',
      'decisionHash',
      'verifyChain',
      'GENESIS_HASH',
      'convergenceMap',
      'STANCE_INFO',
    ]) {
      expect(consensus).toHaveProperty(name);
      expect((shared as Record<string, unknown>)[name]).toBe((consensus as Record<string, unknown>)[name]);
    }
  });
});
