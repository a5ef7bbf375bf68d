export * from './suggestions';
export * from './suggestion-anchors';
