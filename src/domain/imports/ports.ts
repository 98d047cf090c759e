import type { Client, Contact, Fact, ImportEncoding, TimelineEvent } from '../../shared/contract/index.ts';

// Import repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.

/** A CSV file uploaded for a preview, kept (decoded) for a day so the import can name it by id. */
export interface CsvUploadRecord {
  id: string;
  createdBy: string | null;
  fileName: string | null;
  encoding: ImportEncoding;
  text: string;
  createdAt: string;
}

export interface CsvUploadRepository {
  save(workspaceId: string, upload: CsvUploadRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<CsvUploadRecord | null>;
  /** Deletes the workspace's uploads made before `before`; returns how many. */
  deleteOlderThan(workspaceId: string, before: string): Promise<number>;
}

/** Bulk writes of an import: many rows per statement, always inside the caller's transaction. */
export interface ImportWriteRepository {
  insertClients(workspaceId: string, clients: Client[]): Promise<void>;
  insertContacts(workspaceId: string, contacts: Contact[]): Promise<void>;
  insertFacts(workspaceId: string, facts: Fact[]): Promise<void>;
  updateFact(workspaceId: string, id: string, patch: { value: string; label: string | null }): Promise<void>;
  appendEvents(workspaceId: string, events: TimelineEvent[]): Promise<void>;
}

export interface ImportRepositories {
  csvUploads: CsvUploadRepository;
  importWrites: ImportWriteRepository;
}
