import { z } from 'zod';
import { idSchema } from './common.ts';

// Importing clients, contacts and facts from a CSV file (a spreadsheet or a CRM export). Routes:
//
//   POST /api/import/clients/preview  body text/csv (the file's bytes) or importPreviewInputSchema
//                                      → 200 importPreviewSchema (nothing is written but the upload)
//   POST /api/import/clients          body importRunInputSchema → 200 importSummarySchema
//
// The preview keeps the upload for a day under `previewId`; the import names it with a mapping
// and optionally a range of data rows (`fromRow`/`toRow`, the web app imports 500 at a time).
// Natural keys (re-importing the same file changes nothing): a client by its name with case and
// spaces normalised; a contact within its client by email, else by full name; a fact within its
// client (or workspace-wide when the row names no client) by kind + label when it has a label,
// else by kind + value. An empty cell never clears a stored field.

/** The largest CSV upload the import route takes (the rest of the API takes 1 MiB of JSON). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** The most data rows one file may have. */
export const IMPORT_MAX_ROWS = 100_000;
/** Data rows per transaction (and per request from the web app). */
export const IMPORT_CHUNK_ROWS = 500;

/** What a column can be imported as. */
export const importFields = [
  'client.name',
  'client.aliases',
  'client.tier',
  'client.status',
  'client.value',
  'client.currency',
  'contact.fullName',
  'contact.firstName',
  'contact.lastName',
  'contact.preferredName',
  'contact.honorific',
  'contact.pronouns',
  'contact.pronunciation',
  'contact.email',
  'contact.isBilling',
  'fact.kind',
  'fact.value',
  'fact.label',
] as const;
export type ImportField = (typeof importFields)[number];

/** How each field is called on screen and in messages. */
export const importFieldLabels: Record<ImportField, string> = {
  'client.name': 'Client name',
  'client.aliases': 'Client aliases',
  'client.tier': 'Tier',
  'client.status': 'Status',
  'client.value': 'Account value',
  'client.currency': 'Currency',
  'contact.fullName': 'Contact name',
  'contact.firstName': 'Contact first name',
  'contact.lastName': 'Contact last name',
  'contact.preferredName': 'Preferred name',
  'contact.honorific': 'Honorific',
  'contact.pronouns': 'Pronouns',
  'contact.pronunciation': 'Pronunciation',
  'contact.email': 'Email',
  'contact.isBilling': 'Billing contact',
  'fact.kind': 'Fact kind',
  'fact.value': 'Fact value',
  'fact.label': 'Fact label',
};

/**
 * Column → field. A column is named by its header (matched case-insensitively) or by `#N`, its
 * 1-based position; `ignore` leaves it out. Columns not named keep the proposed field.
 */
export const importMappingSchema = z
  .record(z.string().min(1).max(200), z.enum([...importFields, 'ignore']))
  .refine((m) => Object.keys(m).length <= 200, 'must map at most 200 columns');
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importEncodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

/** Where the CSV comes from: its text, its bytes in base64 (the encoding is detected), or an earlier preview. */
const sourceFields = {
  csv: z.string().max(IMPORT_MAX_BYTES).optional(),
  csvBase64: z
    .string()
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4)
    .optional(),
  previewId: idSchema.optional(),
  fileName: z.string().trim().max(200).optional(),
  mapping: importMappingSchema.optional(),
};

function oneSource(
  v: { csv?: string | undefined; csvBase64?: string | undefined; previewId?: string | undefined },
  ctx: z.RefinementCtx,
) {
  const given = (['csv', 'csvBase64', 'previewId'] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: [given[1] ?? 'csv'],
      message:
        given.length === 0
          ? 'send the file as csv, csvBase64 or a previewId'
          : 'send only one of csv, csvBase64, previewId',
    });
  }
}

export const importPreviewInputSchema = z.strictObject(sourceFields).superRefine(oneSource);
export type ImportPreviewInput = z.infer<typeof importPreviewInputSchema>;

export const importRunInputSchema = z
  .strictObject({
    ...sourceFields,
    /** First data row to import (1 = the first row under the header); default 1. */
    fromRow: z.number().int().min(1).max(IMPORT_MAX_ROWS).optional(),
    /** Last data row to import, inclusive; default the last. */
    toRow: z.number().int().min(1).max(IMPORT_MAX_ROWS).optional(),
  })
  .superRefine(oneSource)
  .superRefine((v, ctx) => {
    if (v.fromRow !== undefined && v.toRow !== undefined && v.toRow < v.fromRow) {
      ctx.addIssue({ code: 'custom', path: ['toRow'], message: 'must not be before fromRow' });
    }
  });
export type ImportRunInput = z.infer<typeof importRunInputSchema>;

export const importRowStatuses = ['new', 'changed', 'unchanged', 'invalid'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

const countsSchema = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
});
const entityCounts = z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });

/** One problem of one row, in words ("row 7: email "bob@" is not an email address"). */
export const importRowErrorSchema = z.object({
  /** The spreadsheet row: the header is row 1, the first data row is row 2. */
  row: z.number().int(),
  field: z.enum(importFields).nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importPreviewSchema = z.object({
  previewId: z.string(),
  fileName: z.string().nullable(),
  encoding: z.enum(importEncodings),
  delimiter: z.string(),
  /** Things to know before importing (encoding fallback, formula-looking cells). */
  notices: z.array(z.string()),
  columns: z.array(
    z.object({
      /** 1-based position (`#N` in a mapping). */
      position: z.number().int(),
      header: z.string(),
      field: z.enum(importFields).nullable(),
      /** What the header alone suggests. */
      proposed: z.enum(importFields).nullable(),
      samples: z.array(z.string()),
    }),
  ),
  /** The mapping in effect, by header (or `#N` for an empty or repeated header). */
  mapping: z.record(z.string(), z.enum([...importFields, 'ignore'])),
  totalRows: z.number().int(),
  counts: countsSchema,
  entities: z.object({ clients: entityCounts, contacts: entityCounts, facts: entityCounts }),
  /** The first rows and every invalid row (up to 200), each with its status and errors. */
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(importRowStatuses),
      cells: z.array(z.string()),
      errors: z.array(z.string()),
    }),
  ),
  /** Every row error (the first 1,000; `errorsTruncated` says when there were more). */
  errors: z.array(importRowErrorSchema),
  errorsTruncated: z.boolean(),
  formulaCells: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importSummarySchema = z.object({
  previewId: z.string(),
  fromRow: z.number().int(),
  toRow: z.number().int(),
  totalRows: z.number().int(),
  counts: countsSchema,
  entities: z.object({ clients: entityCounts, contacts: entityCounts, facts: entityCounts }),
  errors: z.array(importRowErrorSchema),
  errorsTruncated: z.boolean(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
