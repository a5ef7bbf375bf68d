export * from './suggestions';
export * from './suggestion-anchors';
export * from './amendment-suggestions';
export * from './suggestion-format';
export * from './structural-suggestions';
