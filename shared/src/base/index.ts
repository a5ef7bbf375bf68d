export * from './ilis';
export * from './consultations';
export * from './results';
