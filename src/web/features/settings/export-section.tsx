import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useSession } from '../../app/session.tsx';

/**
 * "Download everything": the workspace archive from GET /api/export (owner or admin). A plain link:
 * the browser downloads the .zip itself with the session cookie (a GET needs no CSRF token), and
 * nothing of the archive passes through the app's memory.
 */
export function ExportSection() {
  const session = useSession();
  const canExport = session.role === 'owner' || session.role === 'admin';
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="Export">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg">
            Export
          </Title>
          <Text c="dimmed" fz="sm">
            Everything this workspace has, in one .zip: clients, contacts, facts, mistakes with their timelines,
            remedies, commitments, messages, root causes, actions, lessons, guard rules, settings and members.
          </Text>
        </div>
        <List size="sm" spacing={2}>
          <List.Item>
            A JSON file per table, complete, which <code>makegood restore-archive</code> restores into a new install.
          </List.Item>
          <List.Item>
            A CSV file per table for spreadsheets (cells that would run as formulas start with a quote).
          </List.Item>
          <List.Item>No passwords, API tokens or webhook secrets.</List.Item>
        </List>
        {canExport ? (
          <Group>
            <Button component="a" href="/api/export" download leftSection={<IconDownload size={16} />} variant="light">
              Download everything
            </Button>
          </Group>
        ) : (
          <Text fz="sm">Only an owner or admin can download the workspace.</Text>
        )}
      </Stack>
    </Paper>
  );
}
