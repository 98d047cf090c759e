import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/index.ts';
import { renderApp, type RecordedCall } from '../../test-utils.tsx';

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  previewId: 'up1',
  fileName: 'crm.csv',
  encoding: 'windows-1252',
  delimiter: ',',
  notices: ['The file is not valid UTF-8, so it was read as Windows-1252.'],
  columns: [
    { position: 1, header: 'Company', field: 'client.name', proposed: 'client.name', samples: ['Serenity'] },
    { position: 2, header: 'Who', field: null, proposed: null, samples: ['Lynn Carter'] },
    { position: 3, header: 'Email', field: 'contact.email', proposed: 'contact.email', samples: ['lynn@x.example'] },
  ],
  mapping: { Company: 'client.name', Who: 'ignore', Email: 'contact.email' },
  totalRows: 1200,
  counts: { new: 1199, changed: 0, unchanged: 0, invalid: 1 },
  entities: {
    clients: { new: 3, changed: 0, unchanged: 0 },
    contacts: { new: 1199, changed: 0, unchanged: 0 },
    facts: { new: 0, changed: 0, unchanged: 0 },
  },
  rows: [
    { row: 2, status: 'new', cells: ['Serenity', 'Lynn Carter', 'lynn@x.example'], errors: [] },
    {
      row: 7,
      status: 'invalid',
      cells: ['Northwind', 'Bob Stone', 'bob@'],
      errors: ['row 7: Email "bob@" is not an email address'],
    },
  ],
  errors: [{ row: 7, field: 'contact.email', message: 'row 7: Email "bob@" is not an email address' }],
  errorsTruncated: false,
  formulaCells: 0,
  ...over,
});

const summary = (call: RecordedCall): ImportSummary => {
  const body = call.body as { fromRow: number; toRow: number };
  const invalid = body.fromRow === 1 ? 1 : 0;
  return {
    previewId: 'up1',
    fromRow: body.fromRow,
    toRow: body.toRow,
    totalRows: 1200,
    counts: { new: body.toRow - body.fromRow + 1 - invalid, changed: 0, unchanged: 0, invalid },
    entities: preview().entities,
    errors: invalid ? preview().errors : [],
    errorsTruncated: false,
  };
};

describe('Import from CSV', () => {
  it('previews the file with its mapping and bad rows, remaps a column, then imports in chunks of 500', async () => {
    const { user, sent } = renderApp('/clients', {
      'POST /api/import/clients/preview': (call) => {
        const body = call.body as { previewId?: string };
        if (!body.previewId) return { body: preview() };
        return {
          body: preview({
            columns: preview().columns.map((c) => (c.position === 2 ? { ...c, field: 'contact.fullName' } : c)),
            mapping: { Company: 'client.name', Who: 'contact.fullName', Email: 'contact.email' },
          }),
        };
      },
      'POST /api/import/clients': (call) => ({ body: summary(call) }),
    });
    await user.click(await screen.findByRole('button', { name: 'Import from CSV' }));
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(
      input,
      new File(['Company,Who,Email\nSerenity,Lynn Carter,lynn@x.example\n'], 'crm.csv', { type: 'text/csv' }),
    );

    const errors = await within(dialog).findByRole('region', { name: 'Row errors' });
    expect(errors).toHaveTextContent('row 7: Email "bob@" is not an email address');
    expect(within(dialog).getByText(/read as Windows-1252/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Row counts')).toHaveTextContent('1199 new');
    expect(within(dialog).getByLabelText('Row counts')).toHaveTextContent('1 invalid');
    const [first] = sent('POST', '/api/import/clients/preview');
    const body = first?.body as { csvBase64: string; fileName: string };
    expect(body.fileName).toBe('crm.csv');
    expect(atob(body.csvBase64)).toContain('Serenity,Lynn Carter');
    expect(first?.headers['x-csrf-token']).toBe('csrf-123');

    await user.selectOptions(within(dialog).getByLabelText('Import column Who as'), 'contact.fullName');
    await waitFor(() => expect(sent('POST', '/api/import/clients/preview')).toHaveLength(2));
    expect(sent('POST', '/api/import/clients/preview')[1]?.body).toEqual({
      previewId: 'up1',
      mapping: { '#1': 'client.name', '#2': 'contact.fullName', '#3': 'contact.email' },
    });
    await waitFor(() => expect(within(dialog).getByLabelText('Import column Who as')).toHaveValue('contact.fullName'));
    expect(within(dialog).getByText('1 invalid row will be skipped.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Import 1199 rows' }));
    expect(await within(dialog).findByText('Import finished')).toBeInTheDocument();
    const chunks = sent('POST', '/api/import/clients').map((c) => c.body as { fromRow: number; toRow: number });
    expect(chunks.map((c) => `${c.fromRow}-${c.toRow}`)).toEqual(['1-500', '501-1000', '1001-1200']);
    expect(sent('POST', '/api/import/clients')[0]?.body).toMatchObject({
      previewId: 'up1',
      mapping: { Company: 'client.name', Who: 'contact.fullName', Email: 'contact.email' },
    });
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      '1199 rows added, 0 changed, 0 already up to date, 1 skipped because of errors.',
    );
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'row 7: Email "bob@" is not an email address',
    );
  });

  it('shows a malformed file’s message naming the line, and imports nothing', async () => {
    const { user, sent } = renderApp('/clients', {
      'POST /api/import/clients/preview': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'csv: line 3: a quoted cell is never closed (a " is missing)',
            details: { issues: [{ field: 'csv', message: 'line 3: a quoted cell is never closed (a " is missing)' }] },
            requestId: 'r1',
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Import from CSV' }));
    const dialog = await screen.findByRole('dialog');
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, new File(['a\n"b'], 'bad.csv'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('line 3: a quoted cell is never closed');
    expect(sent('POST', '/api/import/clients')).toHaveLength(0);
  });
});
