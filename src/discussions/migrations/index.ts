/**
 * The schema, as numbered steps. A database records the number it is at in `PRAGMA
 * user_version`; opening it applies the steps after that number, each in one transaction. Steps
 * are never edited once released: a change is a new step.
 */
import v1 from './001-discussions.js';
import v2 from './002-claims-and-messages.js';

export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'discussions', sql: v1 },
  { version: 2, name: 'claims-and-messages', sql: v2 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
