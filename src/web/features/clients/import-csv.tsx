import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  IMPORT_CHUNK_ROWS,
  IMPORT_MAX_BYTES,
  importFieldLabels,
  importFields,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportRowStatus,
  type ImportSummary,
} from '../../../shared/contract/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { clientKeys } from './api.ts';

// "Import from CSV" on the clients list: choose a file, check the proposed column mapping and each
// row's errors, confirm, watch the bar while the rows go in IMPORT_CHUNK_ROWS at a time, read the result.

const statusColor: Record<ImportRowStatus, string> = {
  new: 'green',
  changed: 'blue',
  unchanged: 'gray',
  invalid: 'red',
};

const fieldOptions = [
  { value: 'ignore', label: 'Don’t import' },
  ...importFields.map((f) => ({ value: f, label: importFieldLabels[f] })),
];

/** The file's bytes as base64 (read with FileReader, encoded in slices to keep the call stack small). */
async function fileBase64(file: File): Promise<string> {
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What went wrong with the file or a request, in the API's words ("csv: line 3: …" without the prefix). */
function ImportError({ error }: { error: unknown }) {
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.message.replace(/^(csv|body|mapping[^:]*): /, '')
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  return (
    <Alert color="red" variant="light" role="alert" title="The file cannot be imported">
      {message}
    </Alert>
  );
}

type Counts = ImportSummary['counts'];
const zero = (): Counts => ({ new: 0, changed: 0, unchanged: 0, invalid: 0 });

function CountBadges({ counts }: { counts: Counts }) {
  return (
    <Group gap="xs" aria-label="Row counts">
      {(['new', 'changed', 'unchanged', 'invalid'] as const).map((k) => (
        <Badge key={k} color={statusColor[k]} variant={k === 'invalid' && counts[k] > 0 ? 'filled' : 'light'}>
          {counts[k]} {k}
        </Badge>
      ))}
    </Group>
  );
}

/** The preview: notices, counts, one mapping dropdown per column, the rows with their errors. */
function PreviewView({
  preview,
  onMapping,
  remapping,
}: {
  preview: ImportPreview;
  onMapping: (mapping: ImportMapping) => void;
  remapping: boolean;
}) {
  // The whole mapping by position; a field chosen for one column is taken from any other column.
  const choose = (position: number, field: ImportField | 'ignore') => {
    const mapping: ImportMapping = {};
    for (const c of preview.columns) {
      const current = c.position === position ? field : (c.field ?? 'ignore');
      mapping[`#${c.position}`] = c.position !== position && current === field ? 'ignore' : current;
    }
    onMapping(mapping);
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {preview.fileName ?? 'The file'}: {preview.totalRows} rows, read as {preview.encoding}.
      </Text>
      {preview.notices.map((n) => (
        <Alert key={n} color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          {n}
        </Alert>
      ))}
      <CountBadges counts={preview.counts} />
      {preview.errors.length > 0 && (
        <div role="region" aria-label="Row errors">
          <Alert color="red" variant="light" title="Rows that will not be imported">
            <List size="sm" spacing={2}>
              {preview.errors.slice(0, 50).map((e) => (
                <List.Item key={`${e.row}-${e.message}`}>{e.message}</List.Item>
              ))}
            </List>
            {(preview.errors.length > 50 || preview.errorsTruncated) && (
              <Text size="sm" mt="xs">
                …and {preview.errorsTruncated ? 'more than ' : ''}
                {preview.errors.length - 50} more.
              </Text>
            )}
          </Alert>
        </div>
      )}
      <Title order={4}>Columns</Title>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="xs" aria-label="Column mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Column in the file</Table.Th>
                <Table.Th>Imported as</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.columns.map((c) => {
                return (
                  <Table.Tr key={c.position}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {c.header || `Column ${c.position}`}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1} style={{ wordBreak: 'break-all' }}>
                        {c.samples.filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Import column ${c.header || c.position} as`}
                        data={fieldOptions}
                        miw={160}
                        value={c.field ?? 'ignore'}
                        disabled={remapping}
                        onChange={(e) => choose(c.position, e.currentTarget.value as ImportField | 'ignore')}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Title order={4}>Rows</Title>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Preview rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Status</Table.Th>
                {preview.columns.map((c) => (
                  <Table.Th key={c.position}>{c.header || `Column ${c.position}`}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.row} bg={r.status === 'invalid' ? 'var(--mantine-color-red-light)' : undefined}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[r.status]} variant="light">
                      {r.status}
                    </Badge>
                    {r.errors.map((e) => (
                      <Text key={e} size="xs" c="red.8">
                        {e.replace(/^row \d+: /, '')}
                      </Text>
                    ))}
                  </Table.Td>
                  {r.cells.map((cell, i) => (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

type Stage =
  | { step: 'choose' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview; done: number }
  | { step: 'done'; preview: ImportPreview; counts: Counts; errors: string[] };

/** The import dialog's content, step by step. */
export function ImportCsv({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | null) => {
    setError(null);
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setError(new Error(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into smaller files.`));
      return;
    }
    setBusy(true);
    try {
      const preview = await api.post<ImportPreview>('/import/clients/preview', {
        csvBase64: await fileBase64(file),
        fileName: file.name,
      });
      setStage({ step: 'preview', preview });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const remap = async (preview: ImportPreview, mapping: ImportMapping) => {
    setError(null);
    setBusy(true);
    try {
      setStage({
        step: 'preview',
        preview: await api.post<ImportPreview>('/import/clients/preview', { previewId: preview.previewId, mapping }),
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const run = async (preview: ImportPreview) => {
    setError(null);
    const counts = zero();
    const errors: string[] = [];
    setStage({ step: 'importing', preview, done: 0 });
    try {
      for (let from = 1; from <= preview.totalRows; from += IMPORT_CHUNK_ROWS) {
        const to = Math.min(from + IMPORT_CHUNK_ROWS - 1, preview.totalRows);
        const summary = await api.post<ImportSummary>('/import/clients', {
          previewId: preview.previewId,
          mapping: preview.mapping,
          fromRow: from,
          toRow: to,
        });
        for (const k of ['new', 'changed', 'unchanged', 'invalid'] as const) counts[k] += summary.counts[k];
        errors.push(...summary.errors.map((e) => e.message));
        setStage({ step: 'importing', preview, done: to });
      }
      setStage({ step: 'done', preview, counts, errors });
    } catch (e) {
      setError(e);
      setStage({ step: 'preview', preview });
    } finally {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    }
  };

  if (stage.step === 'choose') {
    return (
      <Stack gap="md">
        <Text size="sm">
          A CSV file from a spreadsheet or a CRM: one row per contact or fact, with the client’s name in each row.
          Columns such as Company, Contact name, Email, Honorific, Pronouns, Fact kind and Value are recognised; you can
          change what each column is before anything is imported.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileImport size={16} />}
          onChange={(f) => void choose(f)}
          disabled={busy}
          clearable
        />
        {busy && <Text size="sm">Reading the file…</Text>}
        <ImportError error={error} />
      </Stack>
    );
  }

  const { preview } = stage;
  if (stage.step === 'importing') {
    const percent = preview.totalRows === 0 ? 100 : Math.round((stage.done / preview.totalRows) * 100);
    return (
      <Stack gap="md">
        <Text>
          Importing rows {stage.done} of {preview.totalRows}…
        </Text>
        <Progress value={percent} size="lg" animated aria-label="Import progress" />
      </Stack>
    );
  }
  if (stage.step === 'done') {
    return (
      <Stack gap="md" aria-label="Import result">
        <Alert color="green" variant="light" title="Import finished">
          {stage.counts.new} rows added, {stage.counts.changed} changed, {stage.counts.unchanged} already up to date
          {stage.counts.invalid > 0 ? `, ${stage.counts.invalid} skipped because of errors` : ''}.
        </Alert>
        {stage.errors.length > 0 && (
          <List size="sm">
            {stage.errors.slice(0, 50).map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const toWrite = preview.counts.new + preview.counts.changed;
  return (
    <Stack gap="md">
      <PreviewView preview={preview} onMapping={(m) => void remap(preview, m)} remapping={busy} />
      <ImportError error={error} />
      {/* Kept in view at the bottom of the dialog while the preview scrolls. */}
      <Group
        justify="space-between"
        wrap="wrap"
        py="sm"
        style={{
          position: 'sticky',
          bottom: 0,
          background: 'var(--mantine-color-body)',
          borderTop: '1px solid var(--mantine-color-default-border)',
        }}
      >
        <Text size="sm" c="dimmed">
          {preview.counts.invalid > 0
            ? `${preview.counts.invalid} invalid row${preview.counts.invalid === 1 ? '' : 's'} will be skipped.`
            : 'Every row is valid.'}
        </Text>
        <Group>
          <Button variant="default" onClick={() => setStage({ step: 'choose' })}>
            Choose another file
          </Button>
          <Button onClick={() => void run(preview)} disabled={toWrite === 0 || busy}>
            {toWrite === 0 ? 'Nothing to import' : `Import ${toWrite} row${toWrite === 1 ? '' : 's'}`}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The "Import from CSV" button and its dialog (full screen on a phone). */
export function ImportCsvButton() {
  const [opened, setOpened] = useState(false);
  const small = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpened(true)}>
        Import from CSV
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={<Text fw={700}>Import clients from CSV</Text>}
        size="80rem"
        fullScreen={small}
      >
        {opened && <ImportCsv onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}
