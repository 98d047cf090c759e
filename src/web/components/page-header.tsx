import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The top of a page: breadcrumbs, title, a one-line description and the page's main actions. */
export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  crumbs?: { label: string; to: string }[];
  badges?: ReactNode;
}) {
  return (
    <Stack gap={6} mb="lg">
      {props.crumbs && props.crumbs.length > 0 && (
        <Breadcrumbs separatorMargin={6} fz="sm">
          {props.crumbs.map((crumb) => (
            <Anchor key={crumb.to} component={Link} to={crumb.to} c="dimmed" fz="sm">
              {crumb.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} fz={26} fw={700} style={{ overflowWrap: 'anywhere' }}>
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
