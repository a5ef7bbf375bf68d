export * from './suggestions';
export * from './suggestion-anchors';
export * from './amendment-suggestions';
