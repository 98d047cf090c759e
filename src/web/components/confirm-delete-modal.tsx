import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../api/client.ts';
import { FormError } from './states.tsx';

/** What a confirmed delete removes: the DELETE path, and the words around it. */
export interface DeleteTarget {
  path: string;
  title: string;
  message: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  /** The notification once it is gone. */
  done: string;
}

/**
 * "Are you sure?" before a DELETE that cannot be undone (revoke a token, remove a member, delete a
 * webhook endpoint): keep is focused, the server's refusal is shown in place, and `invalidate` is
 * refetched once it is gone.
 */
export function ConfirmDeleteModal({
  target,
  invalidate,
  onClose,
}: {
  target: DeleteTarget | null;
  invalidate: QueryKey;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (path: string) => api.delete(path),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invalidate }),
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={target?.title ?? ''}>
      {target && (
        <Stack gap="md">
          <Text fz="sm">{target.message}</Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {target.keepLabel}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(target.path, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: target.done });
                    close();
                  },
                })
              }
            >
              {target.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
