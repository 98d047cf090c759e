import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconAlarm, IconBell, IconCheck, IconClockExclamation, IconMail, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification, NotificationKind } from '../../../shared/contract/index.ts';
import { formatRelative } from '../../lib/dates.ts';
import { apiErrorMessage } from '../../lib/forms.ts';
import { useMarkNotificationRead, useNotifications } from './api.ts';

const kindIcons: Record<NotificationKind, typeof IconBell> = {
  reminder: IconAlarm,
  missed: IconClockExclamation,
  update_due: IconMessage,
  action_due: IconAlarm,
  action_overdue: IconClockExclamation,
  check_due: IconAlarm,
  client_at_risk: IconClockExclamation,
  check_in_due: IconMessage,
  relay_held: IconMail,
  relay_failed: IconMail,
  calendar_conflict: IconClockExclamation,
};

/** Where a notification leads: its mistake, else its client. */
function targetOf(n: Notification): string | null {
  // Relay notices lead to the held mail (the relayed message's id is not on the notification).
  if (n.kind === 'relay_held' || n.kind === 'relay_failed') return '/held-mail';
  if (n.mistakeId) return `/mistakes/${n.mistakeId}`;
  if (n.clientId) return `/clients/${n.clientId}`;
  return null;
}

/** The header bell: unread count, the latest reminders, mark read, a link to each mistake or client. */
export function NotificationBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = targetOf(n);
    setOpened(false);
    if (to) void navigate(to);
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      trapFocus
      hideDetached={false}
    >
      {/* The target is the button itself: Popover.Target puts aria-expanded on its child, which
          is not allowed on the Indicator's div. */}
      <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? `Notifications: ${unread} unread` : 'Notifications'}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>Reminders</Text>
          <Text fz="xs" c="dimmed">
            {unread > 0 ? `${unread} unread` : items.length > 0 ? 'All read' : ''}
          </Text>
        </Group>
        <Divider />
        {notifications.isPending ? (
          <Text fz="sm" c="dimmed" p="md">
            Loading…
          </Text>
        ) : notifications.isError ? (
          <Stack gap="xs" p="md" align="flex-start">
            <Text fz="sm" c="red">
              {apiErrorMessage(notifications.error)}
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => void notifications.refetch()}>
              Try again
            </Button>
          </Stack>
        ) : items.length === 0 ? (
          <Text fz="sm" c="dimmed" p="md">
            Nothing yet. Reminders before a commitment is due, missed commitments and updates owed to clients appear
            here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack
              gap={0}
              component="ul"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
              aria-label="Notifications"
            >
              {items.map((n) => {
                const Icon = kindIcons[n.kind];
                return (
                  <Group
                    key={n.id}
                    component="li"
                    gap="sm"
                    px="md"
                    py="sm"
                    wrap="nowrap"
                    align="flex-start"
                    bg={n.readAt ? undefined : 'indigo.0'}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  >
                    <Icon size={18} style={{ marginTop: 2, flexShrink: 0 }} />
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      {targetOf(n) ? (
                        <Anchor
                          component="button"
                          type="button"
                          onClick={() => open(n)}
                          fz="sm"
                          fw={n.readAt ? 400 : 600}
                          ta="left"
                        >
                          {n.title}
                        </Anchor>
                      ) : (
                        <Text fz="sm" fw={n.readAt ? 400 : 600}>
                          {n.title}
                        </Text>
                      )}
                      <Text fz="xs" c="dimmed" lineClamp={3}>
                        {n.body}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {formatRelative(n.createdAt)}
                      </Text>
                    </Stack>
                    {!n.readAt && (
                      <Tooltip label="Mark read" withArrow>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          onClick={() => markRead.mutate(n.id)}
                          loading={markRead.isPending && markRead.variables === n.id}
                          aria-label={`Mark read: ${n.title}`}
                        >
                          <IconCheck size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {markRead.isError && (
          <Text fz="xs" c="red" px="md" py="xs" role="alert">
            {apiErrorMessage(markRead.error)}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
