export * from './collab-protocol';
export * from './diff';
export * from './formatted-diff';
export * from './doc-builders';
export * from './extensions';
export * from './markdown';
export * from './paragraphs';
export * from './ydoc';
