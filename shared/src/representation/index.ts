export * from './brussels-time';
export * from './mandates';
export * from './meetings';
export * from './dispatches';
export * from './dto';
