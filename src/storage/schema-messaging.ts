// Row types of the messaging tables (see migrations/*_messaging.ts); part of DB in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessagingTables {}
