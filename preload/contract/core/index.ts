/** The neutral part of the bridge contract: what every product shares. */
export * from './activity';
export * from './app-info';
export * from './channels';
export * from './control-characters';
export * from './date-time';
export * from './events';
export * from './files';
export * from './organizations';
export * from './printing';
export * from './products';
export * from './result';
export * from './runs';
export * from './schemas';
export * from './settings';
export * from './vault';
