import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { SettingsView, Severity, Voice, WorkspaceSettings } from '../../../shared/contract/index.ts';
import { severities } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { sessionKey, useSession } from '../../app/session.tsx';
import { timeZoneOptions } from '../../lib/dates.ts';
import { AccountTimeZoneSection } from './account-time-zone-section.tsx';
import { MailSection } from './mail-section.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { severityLabels } from '../../lib/labels.ts';
import { amountToInput, parseAmount } from '../../lib/money.ts';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { ExportSection } from './export-section.tsx';
import { MembersSection } from './members-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { WebhooksSection } from '../webhooks/webhooks-section.tsx';
import { HealthSettingsSection } from '../health/health-settings.tsx';
import { CheckInSettingsSection } from '../check-ins/check-in-settings.tsx';
import { usePhoneLayout } from '../../components/responsive.ts';

export const settingsKey = ['settings'] as const;

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          <Text c="dimmed" fz="sm">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

const int = (value: string | number) => (typeof value === 'number' ? value : Number.parseInt(value, 10));

/** Parses "1440, 60, 0" into minutes; null when any part is not a whole number. */
export function parseOffsets(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/** The settings form, filled from the server's values. */
function SettingsForm({ initial, canEdit }: { initial: SettingsView; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsView>(initial);
  const zones = useMemo(() => timeZoneOptions(), []);
  const phone = usePhoneLayout();
  const [offsets, setOffsets] = useState(initial.reminderOffsetsMinutes.join(', '));
  const [threshold, setThreshold] = useState(amountToInput(initial.remedyPolicy.approvalThresholdMinor, 'USD'));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  useEffect(() => setDraft(initial), [initial]);
  const save = useMutation({
    mutationFn: (body: SettingsView) => api.patch<SettingsView>('/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // The session carries the zone every time on every page is shown in.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      notifications.show({
        color: 'green',
        title: 'Settings saved',
        message: 'New targets and policy apply from now on.',
      });
    },
  });
  const apiErrors = apiFieldErrors(save.error);
  const err = (key: string) => errors[key] ?? fieldMessage(apiErrors[key]);

  const setTarget = (severity: Severity, field: 'acknowledgeMinutes' | 'fixHours', value: string | number) =>
    setDraft((d) => ({ ...d, targets: { ...d.targets, [severity]: { ...d.targets[severity], [field]: int(value) } } }));
  const setMultiplier = (tier: 'key' | 'standard', severity: Severity, value: string | number) =>
    setDraft((d) => ({
      ...d,
      remedyPolicy: {
        ...d.remedyPolicy,
        multipliers: {
          ...d.remedyPolicy.multipliers,
          [tier]: { ...d.remedyPolicy.multipliers[tier], [severity]: int(value) },
        },
      },
    }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const parsedOffsets = parseOffsets(offsets);
    if (!parsedOffsets) found['reminderOffsetsMinutes'] = 'Enter whole minutes separated by commas, e.g. 1440, 60, 0';
    const thresholdMinor = parseAmount(threshold, 'USD');
    if (thresholdMinor === null) found['remedyPolicy.approvalThresholdMinor'] = 'Enter an amount like 500 or 500.00';
    for (const s of severities) {
      if (!Number.isInteger(draft.targets[s].acknowledgeMinutes) || draft.targets[s].acknowledgeMinutes < 1)
        found[`targets.${s}.acknowledgeMinutes`] = 'At least 1 minute';
      if (!Number.isInteger(draft.targets[s].fixHours) || draft.targets[s].fixHours < 1)
        found[`targets.${s}.fixHours`] = 'At least 1 hour';
    }
    if (!draft.senderName.trim()) found['senderName'] = 'Enter the name your messages come from';
    if (!draft.accountingSenderName.trim())
      found['accountingSenderName'] = 'Enter the name accounting notices come from';
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsedOffsets || thresholdMinor === null) return;
    save.mutate({
      ...draft,
      reminderOffsetsMinutes: parsedOffsets,
      remedyPolicy: { ...draft.remedyPolicy, approvalThresholdMinor: thresholdMinor },
      senderName: draft.senderName.trim(),
      accountingSenderName: draft.accountingSenderName.trim(),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Workspace settings">
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <Section
            title="Recovery targets"
            description="How fast a mistake must be acknowledged and fixed, by severity. Reminders and reports measure against these."
          >
            <Table aria-label="Recovery targets" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>Acknowledge within (minutes)</Table.Th>
                  <Table.Th>Fix within (hours)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {severities.map((s) => (
                  <Table.Tr key={s}>
                    <Table.Td fw={600}>{severityLabels[s]}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${severityLabels[s]}: acknowledge within minutes`}
                        min={1}
                        max={525600}
                        allowDecimal={false}
                        value={draft.targets[s].acknowledgeMinutes}
                        onChange={(v) => setTarget(s, 'acknowledgeMinutes', v)}
                        error={err(`targets.${s}.acknowledgeMinutes`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${severityLabels[s]}: fix within hours`}
                        min={1}
                        max={8760}
                        allowDecimal={false}
                        value={draft.targets[s].fixHours}
                        onChange={(v) => setTarget(s, 'fixHours', v)}
                        error={err(`targets.${s}.fixHours`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>

          <Section
            title="Remedy policy"
            description="The remedy proposed is a percentage of the mistake's impact, by client tier and severity (200% = double). Above the cap or the threshold, an owner or admin must approve."
          >
            {/* On a phone the steppers go, so four columns leave room for "200%". */}
            <Table aria-label="Remedy multipliers" verticalSpacing="xs" horizontalSpacing={phone ? 6 : 'sm'}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Client tier</Table.Th>
                  {severities.map((s) => (
                    <Table.Th key={s}>{severityLabels[s]} (%)</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(['key', 'standard'] as const).map((tier) => (
                  <Table.Tr key={tier}>
                    <Table.Td fw={600}>{tier === 'key' ? 'Key account' : 'Standard'}</Table.Td>
                    {severities.map((s) => (
                      <Table.Td key={s}>
                        <NumberInput
                          aria-label={`${tier === 'key' ? 'Key account' : 'Standard'} ${severityLabels[s].toLowerCase()} remedy percent`}
                          min={0}
                          max={1000}
                          allowDecimal={false}
                          suffix="%"
                          hideControls={phone}
                          value={draft.remedyPolicy.multipliers[tier][s]}
                          onChange={(v) => setMultiplier(tier, s, v)}
                          error={err(`remedyPolicy.multipliers.${tier}.${s}`)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label="Approval cap"
                description="Percent of the impact above which a remedy needs approval"
                min={0}
                max={1000}
                allowDecimal={false}
                suffix="%"
                value={draft.remedyPolicy.capPercent}
                onChange={(v) => setDraft((d) => ({ ...d, remedyPolicy: { ...d.remedyPolicy, capPercent: int(v) } }))}
                error={err('remedyPolicy.capPercent')}
              />
              <TextInput
                label="Approval threshold"
                description="An amount, in the remedy's currency, above which a remedy needs approval"
                inputMode="decimal"
                value={threshold}
                onChange={(e) => setThreshold(e.currentTarget.value)}
                error={err('remedyPolicy.approvalThresholdMinor')}
              />
            </SimpleGrid>
          </Section>

          <Section
            title="Reminders and updates"
            description="When makegood reminds the owner of a commitment, and how often a serious unfixed mistake needs an update to the client."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Remind before due (minutes)"
                description="Comma-separated; 0 = at the due time"
                value={offsets}
                onChange={(e) => setOffsets(e.currentTarget.value)}
                error={err('reminderOffsetsMinutes')}
              />
              <NumberInput
                label="Progress update every (hours)"
                description="For major and critical mistakes until fixed"
                min={1}
                max={720}
                allowDecimal={false}
                value={draft.updateIntervalHours}
                onChange={(v) => setDraft((d) => ({ ...d, updateIntervalHours: int(v) }))}
                error={err('updateIntervalHours')}
              />
            </SimpleGrid>
          </Section>

          <Section
            title="Messages"
            description="Who messages to clients come from, and the language conventions the pre-send guard checks."
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                label="Sender name"
                description="The From name of every client email"
                value={draft.senderName}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, senderName: v }));
                }}
                error={err('senderName')}
              />
              <TextInput
                label="Accounting sender name"
                value={draft.accountingSenderName}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, accountingSenderName: v }));
                }}
                error={err('accountingSenderName')}
              />
              <NativeSelect
                label="Time zone"
                description="Every time is shown and entered in it; a member can choose their own below"
                data={
                  zones.some((z) => z.value === draft.timezone)
                    ? zones
                    : [{ value: draft.timezone, label: draft.timezone }, ...zones]
                }
                value={draft.timezone}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, timezone: v }));
                }}
                error={err('timezone')}
              />
              <NativeSelect
                label="Drafts speak as"
                description="How acknowledgments and plans to clients are worded"
                data={[
                  { value: 'auto', label: 'By team size (I alone, we with others)' },
                  { value: 'i', label: '"I": a one-person business' },
                  { value: 'we', label: '"We": an agency or team' },
                ]}
                value={draft.voice}
                onChange={(e) => {
                  const v = e.currentTarget.value as Voice;
                  setDraft((d) => ({ ...d, voice: v }));
                }}
                error={err('voice')}
              />
              <NativeSelect
                label="Spelling and dates"
                data={[
                  { value: 'en-US', label: 'US English' },
                  { value: 'en-GB', label: 'British English' },
                ]}
                value={draft.locale}
                onChange={(e) => {
                  const v = e.currentTarget.value as WorkspaceSettings['locale'];
                  setDraft((d) => ({ ...d, locale: v }));
                }}
              />
            </SimpleGrid>
          </Section>

          <FormError error={save.error} />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** Workspace settings: recovery targets, remedy policy, reminders, sender names. */
export function SettingsPage() {
  const session = useSession();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => api.get<SettingsView>('/settings') });
  const canEdit = session.role === 'owner' || session.role === 'admin';
  return (
    <>
      <PageHeader
        title="Settings"
        description={`How ${session.workspace.name} runs its recoveries. Times are shown in ${session.user.timezone ?? session.workspace.timezone}.`}
      />
      {!canEdit && (
        <Alert icon={<IconLock size={18} />} color="gray" mb="md">
          Only an owner or admin can change these settings.
        </Alert>
      )}
      {settings.isPending ? (
        <LoadingBlock label="Loading settings…" />
      ) : settings.isError ? (
        <ErrorBlock error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm initial={settings.data} canEdit={canEdit} />
      )}
      {settings.isSuccess && <CheckInSettingsSection initial={settings.data} canEdit={canEdit} />}
      {settings.isSuccess && <HealthSettingsSection initial={settings.data} canEdit={canEdit} />}
      <MembersSection />
      <WebhooksSection />
      <ApiTokensSection />
      <MailSection />
      <ExportSection />
      <AccountTimeZoneSection />
      <PasswordSection />
    </>
  );
}
