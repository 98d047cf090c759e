import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

/**
 * Navigation state that moves keyboard focus to the next page's title, e.g. after a form created
 * the record the page shows: `navigate(to, { state: focusTitleState })`.
 */
export const focusTitleState = { focusTitle: true } as const;

function wantsTitleFocus(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { focusTitle?: unknown }).focusTitle === true;
}

/** The top of a page: breadcrumbs, title, a one-line description and the page's main actions. */
export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  crumbs?: { label: string; to: string }[];
  badges?: ReactNode;
}) {
  const location = useLocation();
  const title = useRef<HTMLHeadingElement>(null);
  const focusTitle = wantsTitleFocus(location.state);
  useEffect(() => {
    if (focusTitle) title.current?.focus();
  }, [focusTitle, location.key]);
  return (
    <Stack gap={6} mb="lg">
      {props.crumbs && props.crumbs.length > 0 && (
        <Breadcrumbs separatorMargin={6} fz="sm">
          {props.crumbs.map((crumb) => (
            <Anchor key={crumb.to} component={Link} to={crumb.to} c="dimmed" fz="sm" underline="always">
              {crumb.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        {/* The title keeps at least 18rem before the actions move below it: on a phone the
            buttons go under the title instead of squeezing it to a few words a line. */}
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Group gap="sm" wrap="wrap">
            <Title
              order={1}
              fz={26}
              fw={700}
              style={{ overflowWrap: 'anywhere', outline: 'none' }}
              ref={title}
              tabIndex={focusTitle ? -1 : undefined}
            >
              {props.title}
            </Title>
            {props.badges}
          </Group>
          {props.description && (
            <Text c="dimmed" fz="sm">
              {props.description}
            </Text>
          )}
        </Stack>
        {props.actions && <Group gap="sm">{props.actions}</Group>}
      </Group>
    </Stack>
  );
}
