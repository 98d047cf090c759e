import { CsvError, parse } from 'csv-parse/sync';
import { IMPORT_MAX_ROWS, type ImportEncoding } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';

// Reading an uploaded CSV: bytes → text (by BOM, else UTF-8, else Windows-1252), then text → a
// header and rows with csv-parse. Problems with the file as a whole are one DomainError naming the
// line; problems with single rows are the plan's business (plan.ts).

/** Decoded text and which encoding it was read as. */
export interface DecodedCsv {
  text: string;
  encoding: ImportEncoding;
}

/**
 * Decodes a file's bytes: a UTF-8 or UTF-16 (LE/BE) byte-order mark decides; without one the
 * bytes must be valid UTF-8, else they are read as Windows-1252 (what Excel on Windows saves as
 * "CSV") and the preview says so.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Text given as a string (JSON `csv`): only a leading BOM is dropped. */
export function textCsv(text: string): DecodedCsv {
  return text.startsWith('\uFEFF') ? { text: text.slice(1), encoding: 'utf-8-bom' } : { text, encoding: 'utf-8' };
}

/** A parsed file: its header cells and its data rows (each with its spreadsheet row number). */
export interface CsvTable {
  delimiter: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter of the header line: the candidate seen most often outside quotes (comma on a tie). */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function invalidCsv(message: string): DomainError {
  return new DomainError('validation_failed', `csv: ${message}`, { issues: [{ field: 'csv', message }] });
}

/** What csv-parse's error codes mean, in words. */
function describeCsvError(error: CsvError, lastGoodLine: number): string {
  const { lines } = error as CsvError & { lines?: unknown };
  const line = typeof lines === 'number' ? lines : null;
  const at = line === null ? '' : `line ${line}: `;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the end of the file; the open quote is in the row after the last good one.
    return `line ${lastGoodLine + 1}: a quoted cell is never closed (a " is missing)`;
  }
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const [, expected, got] = /expect (\d+), got (\d+)/.exec(error.message) ?? [];
    return `${at}the row has ${got ?? 'a different number of'} cells but the header has ${expected ?? 'another number'} (every row needs as many cells as the header)`;
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
    return `${at}a quote closes a cell but more text follows it in the same cell`;
  if (error.code === 'INVALID_OPENING_QUOTE') return `${at}a quote appears inside a cell that does not start with one`;
  return `${at}${error.message}`;
}

function newlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Parses CSV text (header first). Throws validation_failed naming the line for a malformed file
 * (unclosed quote, a row with more or fewer cells than the header), and a clear message for an
 * empty file, a header without rows, or too many rows.
 */
export function parseCsv(text: string): CsvTable {
  if (text.trim() === '') throw invalidCsv('the file is empty; it needs a header row and at least one row of data');
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  let lastGoodLine = 0;
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // A ragged row is an error naming its line, not a guess at which cell is missing.
      relax_column_count: false,
      on_record: (record: string[], context: { lines: number }) => {
        lastGoodLine = context.lines;
        return record;
      },
      to: IMPORT_MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) throw invalidCsv(describeCsvError(error, lastGoodLine));
    throw error;
  }
  const [head, ...body] = records;
  if (!head) throw invalidCsv('the file is empty; it needs a header row and at least one row of data');
  if (body.length === 0) throw invalidCsv('the file has a header row but no rows of data under it');
  if (body.length > IMPORT_MAX_ROWS) {
    throw invalidCsv(
      `the file has more than ${IMPORT_MAX_ROWS.toLocaleString('en-US')} rows; split it into smaller files`,
    );
  }
  return {
    delimiter,
    header: head.record.map((h) => h.trim()),
    // A row is named by the line of the file it starts on (the header is row 1; csv-parse reports
    // the line a record ends on, so a cell's own line breaks are counted back).
    rows: body.map((r) => ({ row: r.info.lines - r.record.reduce((n, c) => n + newlines(c), 0), cells: r.record })),
  };
}
