// The API contract: request and response schemas shared by the server, the domain and the web app.
export * from './common.ts';
export * from './auth.ts';
export * from './clients.ts';
export * from './mistakes.ts';
export * from './engines.ts';
export * from './settings.ts';
export * from './messages.ts';
export * from './recovery.ts';
export * from './learning.ts';
export * from './lessons.ts';
export * from './invitations.ts';
export * from './webhooks.ts';
export * from './api-tokens.ts';
export * from './imports.ts';
export * from './relay.ts';
export * from './health.ts';
export * from './check-ins.ts';
