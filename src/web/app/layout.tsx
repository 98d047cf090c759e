import {
  ActionIcon,
  Anchor,
  AppShell,
  Avatar,
  Burger,
  Button,
  Divider,
  Group,
  Kbd,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBuildingStore,
  IconChevronDown,
  IconLayoutDashboard,
  IconListCheck,
  IconLogout,
  IconPlus,
  IconSettings,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { enginesFeature } from '../features/engines/index.tsx';
import { learningFeature } from '../features/learning/index.tsx';
import { lessonsFeature } from '../features/lessons/index.tsx';
import { relayFeature } from '../features/relay/index.tsx';
import { HeaderNotifications, recoveryFeature } from '../features/recovery/index.tsx';
import type { NavItem } from '../features/types.ts';
import { useSession, useSignOut } from './session.tsx';

const coreNav: NavItem[] = [
  { label: 'Dashboard', path: '/', icon: IconLayoutDashboard },
  { label: 'Mistakes', path: '/mistakes', icon: IconAlertTriangle },
  { label: 'Clients', path: '/clients', icon: IconBuildingStore },
  { label: 'Workspace facts', path: '/facts', icon: IconListCheck },
];

/** The brand mark: a check in a rounded square. */
export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-6)" />
        <path
          d="M9 17l5 5 9-11"
          stroke="white"
          strokeWidth="3.5"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text fw={800} fz="lg" style={{ letterSpacing: '-0.02em' }}>
        makegood
      </Text>
    </Group>
  );
}

function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const location = useLocation();
  return items.map((item) => {
    const Icon = item.icon as ComponentType<{ size?: number | string }> | undefined;
    const active = location.pathname === item.path || location.pathname.startsWith(`${item.path}/`);
    return (
      <NavLink
        key={item.path}
        component={Link}
        to={item.path}
        label={item.label}
        active={active}
        aria-current={active ? 'page' : undefined}
        leftSection={Icon ? <Icon size={18} /> : null}
        onClick={onNavigate}
        variant="light"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      />
    );
  });
}

/** The signed-in app: header (log a mistake, reminders, account menu), side navigation, the page. */
export function AppLayout() {
  const session = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure(false);
  // "n" anywhere outside a field opens the log-a-mistake form: logging must take seconds.
  useHotkeys([['n', () => void navigate('/mistakes/new')]]);
  const featureNav = [
    ...recoveryFeature.navItems,
    ...learningFeature.navItems,
    ...lessonsFeature.navItems,
    ...enginesFeature.navItems,
    ...relayFeature.navItems,
  ];
  const initials = session.user.name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <Anchor
        href="#main-content"
        className="mg-skip-link"
        style={{ position: 'absolute', left: -9999, top: 8, zIndex: 1000 }}
        onFocus={(e) => (e.currentTarget.style.left = '8px')}
        onBlur={(e) => (e.currentTarget.style.left = '-9999px')}
      >
        Skip to content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/" aria-label="makegood home">
              <Logo />
            </UnstyledButton>
            <Divider orientation="vertical" visibleFrom="sm" />
            <Text fz="sm" c="dimmed" visibleFrom="sm" truncate maw={220}>
              {session.workspace.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Tooltip
              label={
                <>
                  Shortcut: <Kbd size="xs">N</Kbd>
                </>
              }
              withArrow
            >
              <Button
                component={Link}
                to="/mistakes/new"
                leftSection={<IconPlus size={16} />}
                color="red"
                size="sm"
                visibleFrom="xs"
              >
                Log a mistake
              </Button>
            </Tooltip>
            {/* On a phone the header keeps room for reminders and the account menu. */}
            <ActionIcon
              component={Link}
              to="/mistakes/new"
              color="red"
              size="lg"
              hiddenFrom="xs"
              aria-label="Log a mistake"
            >
              <IconPlus size={18} />
            </ActionIcon>
            <HeaderNotifications />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`Account menu for ${session.user.name}`}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar radius="xl" size={32} color="indigo">
                      {initials}
                    </Avatar>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {session.user.name}
                  <br />
                  {session.user.email}
                </Menu.Label>
                <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
                  Settings
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={16} />}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
                >
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <NavLinks items={coreNav} onNavigate={close} />
          {featureNav.length > 0 && (
            <>
              <Divider my="sm" />
              <NavLinks items={featureNav} onNavigate={close} />
            </>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="sm" />
          <NavLinks items={[{ label: 'Settings', path: '/settings', icon: IconSettings }]} onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
