#!/usr/bin/env node
// Loads the TypeScript CLI through tsx, so the bin works straight from `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
