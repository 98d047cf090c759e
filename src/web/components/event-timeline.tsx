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

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** A summary with any UTC instants in it shown in the workspace zone ("due 2030-01-10T12:00:00.000Z" → "due 10 Jan 2030, 12:00"). */
export function readableSummary(summary: string, timeZone: string): string {
  return summary.replace(ISO_INSTANT, (iso) => formatDateTime(iso, timeZone));
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
          role="listitem"
          bullet={iconFor(event.type)}
          title={
            <Text fz="sm" fw={500}>
              {readableSummary(event.summary, timeZone)}
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
