/** Longest register search text GET /api/decisions accepts (`q`, DESIGN: register search). */
export const DECISION_SEARCH_MAX_LENGTH = 200;
