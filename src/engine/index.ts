// The engines' public API: pure text analysis, no I/O. Everything outside src/engine imports from here.
export type { Finding, FindingSeverity, Span } from './types.ts';
export * from './apology/index.ts';
export * from './guard/index.ts';
export * from './guard/calendar.ts';
