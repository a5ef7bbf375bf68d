import type { SuggestionDto } from '@coupole/shared';

/** A suggestion was made, or decided, withdrawn, orphaned or re-anchored. */
export interface SuggestionChanged {
  suggestion: SuggestionDto;
}

export interface SuggestionEvents {
  'suggestion.created': SuggestionChanged;
  'suggestion.updated': SuggestionChanged;
}
