import type { ColumnType } from 'kysely';

// CSV uploads kept for an import's preview (see migrations/2026-12-03T18-30-00_csv-uploads.ts).

type Timestamp = ColumnType<Date | string, string, string>;

export interface CsvUploadsTable {
  id: string;
  workspace_id: string;
  created_by: string | null;
  file_name: string | null;
  encoding: string;
  /** The decoded text (the file as read, whatever its encoding was). */
  text: string;
  created_at: Timestamp;
}

// A type alias (not an interface) so it fits Kysely's withTables<T>() constraint.
export type ImportTables = {
  csv_uploads: CsvUploadsTable;
};
