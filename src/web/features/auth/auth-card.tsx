import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../app/layout.tsx';

/** The frame of the signed-out pages: brand, a title, a card. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <Center
      mih="100vh"
      p="md"
      style={{ background: 'linear-gradient(160deg, var(--mantine-color-indigo-0), var(--mantine-color-gray-0) 60%)' }}
    >
      <Stack w="min(440px, 100%)" gap="lg">
        <Center>
          <Logo />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Stack gap="xs" mb="lg">
            <Title order={1} fz={24}>
              {title}
            </Title>
            <Text c="dimmed" fz="sm">
              {subtitle}
            </Text>
          </Stack>
          {children}
        </Paper>
        <Text c="dimmed" fz="xs" ta="center">
          Own it. Make it right. Never twice.
        </Text>
      </Stack>
    </Center>
  );
}
