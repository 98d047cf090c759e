// Row types of the recovery tables (see migrations/*_recovery.ts); part of DB in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecoveryTables {}
