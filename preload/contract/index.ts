/** The bridge contract: the neutral core, each product's part, and the one registry composed from them. */
export * from './api';
export * from './channels';
export * from './core';
export * from './events';
export * from './schemas';
export * from './sign-de';
