export * from './api';
export * from './app-info';
export * from './channels';
export * from './events';
export * from './result';
export * from './schemas';
export * from './settings';
