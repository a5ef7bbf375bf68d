import { INFO_SEARCH_MAX_LENGTH, INFO_TOPICS, type InfoTopic } from '@coupole/shared';

export interface InfoFilters {
  topic?: InfoTopic;
  q?: string;
  toDiscuss?: boolean;
}

/** The watch's filters live in the URL (`?theme=juridique&q=decret`), so a filtered list can be shared. */
export function filtersFromSearchParams(params: URLSearchParams): InfoFilters {
  const filters: InfoFilters = {};
  const topic = params.get('theme');
  if (topic && (INFO_TOPICS as readonly string[]).includes(topic)) filters.topic = topic as InfoTopic;
  const q = params.get('q')?.trim().slice(0, INFO_SEARCH_MAX_LENGTH);
  if (q) filters.q = q;
  if (params.get('a-discuter') === '1') filters.toDiscuss = true;
  return filters;
}

export function filtersToSearchParams(filters: InfoFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.topic) params.set('theme', filters.topic);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.toDiscuss) params.set('a-discuter', '1');
  return params;
}

/** The API query: only what is set. */
export function filtersToQuery(filters: InfoFilters): { topic?: InfoTopic; q?: string; toDiscuss?: boolean } {
  return {
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.toDiscuss ? { toDiscuss: true } : {}),
  };
}
