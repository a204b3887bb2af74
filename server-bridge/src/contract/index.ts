// The REST contract of /api/v1: the one source of request validation on the
// bridge, response checks in the webapp, and the OpenAPI document. It depends
// on zod alone so the webapp bundle can include it.

/** Every route of the contract lives under this prefix. */
export const API_V1 = '/api/v1';

export * from './apiTokens';
export * from './channelSettings';
export * from './comment';
export * from './concurrency';
export * from './counters';
export * from './deadline';
export * from './dueInstant';
export * from './errors';
export * from './external';
export * from './fields';
export * from './list';
export * from './pagination';
export * from './recurrence';
export * from './stats';
export * from './stream';
export * from './task';
export * from './taskActions';
export * from './taskCreate';
export * from './taskExport';
export * from './taskPatch';
export * from './timeline';
export * from './userSettings';
export * from './webhooks';
export * from './workflow';
