import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { WorkspaceSettings } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';

type Health = WorkspaceSettings['health'];

const whole = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10));

/** What is wrong with the health settings, by field; empty when they are fine. */
export function checkHealthSettings(h: Health): Record<string, string> {
  const found: Record<string, string> = {};
  const { count, days } = h.cluster;
  if (!Number.isInteger(count) || count < 2 || count > 20) found['health.cluster.count'] = 'Between 2 and 20 mistakes';
  if (!Number.isInteger(days) || days < 1 || days > 365) found['health.cluster.days'] = 'Between 1 and 365 days';
  if (!Number.isInteger(h.threshold) || h.threshold < 1 || h.threshold > 100)
    found['health.threshold'] = 'A score between 1 and 100';
  return found;
}

/** Settings → "Client health alerts": the cluster rule and the score threshold. */
export function HealthSettingsSection({ initial, canEdit }: { initial: WorkspaceSettings; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Health>(initial.health);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Pick<WorkspaceSettings, 'health'>) => api.patch<WorkspaceSettings>('/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      notifications.show({ color: 'green', title: 'Health alert settings saved', message: 'They apply from now on.' });
    },
  });
  const apiErrors = apiFieldErrors(save.error);
  const err = (key: string) => errors[key] ?? fieldMessage(apiErrors[key]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkHealthSettings(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate({ health: draft });
  };
  return (
    <Paper withBorder radius="md" p="lg" mb="md" component="section" aria-labelledby="health-settings-title">
      <form onSubmit={submit} noValidate aria-label="Client health alert settings">
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <div>
              <Title order={2} fz="lg" id="health-settings-title">
                Client health alerts
              </Title>
              <Text c="dimmed" fz="sm">
                Several mistakes for one client within a few days, or a health score falling below the threshold, alert
                the client&apos;s owner and the workspace&apos;s owners and admins, proposing &quot;at risk&quot;.
              </Text>
            </div>
            <Group grow align="flex-start" wrap="wrap">
              <NumberInput
                label="Cluster: mistakes"
                description="How many mistakes make a cluster"
                min={2}
                max={20}
                allowDecimal={false}
                clampBehavior="none"
                value={draft.cluster.count}
                onChange={(v) => setDraft((d) => ({ ...d, cluster: { ...d.cluster, count: whole(v) } }))}
                error={err('health.cluster.count')}
                style={{ minWidth: 180 }}
              />
              <NumberInput
                label="Cluster: within (days)"
                description="Of each other, by when they were found"
                min={1}
                max={365}
                allowDecimal={false}
                clampBehavior="none"
                value={draft.cluster.days}
                onChange={(v) => setDraft((d) => ({ ...d, cluster: { ...d.cluster, days: whole(v) } }))}
                error={err('health.cluster.days')}
                style={{ minWidth: 180 }}
              />
              <NumberInput
                label="Alert below score"
                description="A score falling below this alerts"
                min={1}
                max={100}
                allowDecimal={false}
                clampBehavior="none"
                value={draft.threshold}
                onChange={(v) => setDraft((d) => ({ ...d, threshold: whole(v) }))}
                error={err('health.threshold')}
                style={{ minWidth: 180 }}
              />
            </Group>
            <FormError error={save.error} />
            {canEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  Save health alert settings
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}
