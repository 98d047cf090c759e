import { Alert, Button, Center, EmptyState as MantineEmptyState, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { apiErrorMessage } from '../lib/forms.ts';

/** A centred loader with a label for screen readers. */
export function LoadingBlock({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" fz="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load with the server's message and a retry button. */
export function ErrorBlock({
  error,
  onRetry,
  title = 'This could not be loaded',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{apiErrorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Nothing here yet: what this place is for, and the action that fills it (compact inside a section). */
export function EmptyBlock({
  icon,
  title,
  description,
  action,
  compact = false,
}: {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  const body = (
    <MantineEmptyState
      icon={icon}
      title={title}
      description={description}
      variant="light"
      size={compact ? 'sm' : 'md'}
      align={compact ? 'left' : 'center'}
    >
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
  if (compact) {
    return (
      <Paper bg="gray.0" radius="md" py="md" px="md">
        {body}
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" py="xl" px="md">
      {body}
    </Paper>
  );
}

/** The error of a form submit that is not about one field. */
export function FormError({ error }: { error: unknown }) {
  const message = apiErrorMessage(error);
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
      {message}
    </Alert>
  );
}
