import { Text, Timeline } from '@mantine/core';
import {
  IconAlertCircle,
  IconCheck,
  IconCircleDot,
  IconFileText,
  IconMessage,
  IconPencil,
  IconUserPlus,
} from '@tabler/icons-react';
import type { TimelineEvent } from '../../shared/contract/index.ts';
import { formatDateTime } from '../lib/dates.ts';

function iconFor(type: string) {
  if (type.endsWith('.logged')) return <IconAlertCircle size={14} />;
  if (type.endsWith('.acknowledged')) return <IconMessage size={14} />;
  if (type.endsWith('.done') || type.endsWith('.completed')) return <IconCheck size={14} />;
  if (type.endsWith('.updated')) return <IconPencil size={14} />;
  if (type.startsWith('contact.')) return <IconUserPlus size={14} />;
  if (type.startsWith('fact.')) return <IconFileText size={14} />;
  return <IconCircleDot size={14} />;
}

/** The append-only history of a mistake or client, oldest first. */
export function EventTimeline({
  events,
  timeZone,
  label,
}: {
  events: TimelineEvent[];
  timeZone: string;
  label: string;
}) {
  return (
    <Timeline bulletSize={24} lineWidth={2} active={events.length - 1} role="list" aria-label={label}>
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          bullet={iconFor(event.type)}
          title={
            <Text fz="sm" fw={500}>
              {event.summary}
            </Text>
          }
        >
          <Text fz="xs" c="dimmed" mt={2}>
            <time dateTime={event.at}>{formatDateTime(event.at, timeZone)}</time>
            {event.actor ? ` · ${event.actor.name}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
