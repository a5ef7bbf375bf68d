export * from './domain/users';
export * from './domain/federations';
export * from './domain/documents';
export * from './domain/document-access';
export * from './consensus';
export * from './editor';
export * from './events/live-events';
