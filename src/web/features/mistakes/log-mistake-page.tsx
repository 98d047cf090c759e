import {
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingStore } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Finder, Mistake, MistakeCategory, Severity } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { focusTitleState, PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { inputToIso, nowInput } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { categoryOptions, finderOptions } from '../../lib/labels.ts';
import { SeverityField } from './severity-field.tsx';
import { parseAmount } from '../../lib/money.ts';
import { useClients } from '../clients/api.ts';
import { api } from '../../api/client.ts';
import { SimilarList } from '../lessons/index.tsx';
import { useSimilarMistakes } from '../lessons/api.ts';
import { useLogMistake } from './api.ts';
import { CountedTextarea, CountedTextInput } from '../../components/counted-input.tsx';
import { DateTimeInput } from '../../components/date-time-input.tsx';
import { MAX_MISTAKE_DESCRIPTION, MAX_MISTAKE_TITLE } from '../../../shared/contract/index.ts';

type Errors = Partial<Record<'clientId' | 'title' | 'impact' | 'happenedAt' | 'foundAt', string>>;

/** Logging a mistake takes seconds: client, what went wrong, how bad, who found it, when. */
export function LogMistakePage() {
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const clients = useClients();
  const log = useLogMistake();
  const [clientId, setClientId] = useState(params.get('clientId') ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<MistakeCategory>('communication');
  const [severity, setSeverity] = useState<Severity>('minor');
  const [foundBy, setFoundBy] = useState<Finder>('us');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [currencyTouched, setCurrencyTouched] = useState(false);
  const [happenedAt, setHappenedAt] = useState('');
  const [foundAt, setFoundAt] = useState(() => nowInput(timeZone));
  const [errors, setErrors] = useState<Errors>({});
  const [repeatOf, setRepeatOf] = useState<string | null>(null);
  // Earlier mistakes like this one, as the title and description are typed.
  const [typed] = useDebouncedValue({ title: title.trim(), description: description.trim() }, 400);
  const similar = useSimilarMistakes(
    typed.title.length >= 8
      ? {
          title: typed.title,
          ...(typed.description && { description: typed.description }),
          ...(clientId && { clientId }),
          category,
        }
      : null,
  );
  const apiErrors = apiFieldErrors(log.error);
  const clear = (field: keyof Errors) => setErrors((x) => ({ ...x, [field]: undefined }));

  // The impact is usually in the client's own currency.
  const client = clients.data?.find((c) => c.id === clientId);
  useEffect(() => {
    if (client && !currencyTouched) setCurrency(client.value.currency);
  }, [client, currencyTouched]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!clientId) found.clientId = 'Choose the client this mistake reached';
    if (!title.trim()) found.title = 'Say in a few words what went wrong';
    const amountMinor = parseAmount(amount, currency);
    if (amountMinor === null) found.impact = 'Enter an amount like 250 or 250.00';
    const foundIso = inputToIso(foundAt, timeZone);
    if (!foundIso) found.foundAt = 'Enter when it was found';
    const happenedIso = happenedAt ? inputToIso(happenedAt, timeZone) : null;
    if (happenedAt && !happenedIso) found.happenedAt = 'Enter a valid date and time, or leave it empty';
    if (happenedIso && foundIso && happenedIso > foundIso)
      found.happenedAt = 'It cannot have happened after it was found';
    setErrors(found);
    if (Object.keys(found).length > 0 || amountMinor === null || !foundIso) return;
    log.mutate(
      {
        clientId,
        title: title.trim(),
        description: description.trim() || null,
        category,
        severity,
        impact: { amountMinor, currency },
        foundBy,
        happenedAt: happenedIso,
        foundAt: foundIso,
      },
      {
        onSuccess: (mistake) => void afterLogged(mistake),
      },
    );
  };

  /** Marks the repeat the user ticked (if any), then opens the new mistake. */
  const afterLogged = async (mistake: Mistake) => {
    if (repeatOf) {
      try {
        await api.post(`/mistakes/${mistake.id}/repeat-of`, { mistakeId: repeatOf });
      } catch (e) {
        notifications.show({
          color: 'red',
          title: 'Not marked as a repeat',
          message: e instanceof Error ? e.message : String(e),
        });
      }
    }
    notifications.show({
      color: 'green',
      title: `${mistake.ref} logged`,
      message: 'Next: tell the client, before they tell you.',
    });
    // Focus lands on the new mistake's heading, not on <body>.
    void navigate(`/mistakes/${mistake.id}`, { state: focusTitleState });
  };

  const header = (
    <PageHeader
      crumbs={[{ label: 'Mistakes', to: '/mistakes' }]}
      title="Log a mistake"
      description="Log it the moment you know. The recovery clock starts when it is found."
    />
  );
  if (clients.isPending)
    return (
      <>
        {header}
        <LoadingBlock label="Loading clients…" />
      </>
    );
  if (clients.isError)
    return (
      <>
        {header}
        <ErrorBlock error={clients.error} onRetry={() => void clients.refetch()} />
      </>
    );
  if (clients.data.length === 0) {
    return (
      <>
        {header}
        <EmptyBlock
          icon={<IconBuildingStore size={28} />}
          title="Add a client first"
          description="A mistake is always about a client. Add the client it reached, then log it."
          action={
            <Button component={Link} to="/clients">
              Go to clients
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      <Paper withBorder p="lg" maw={860}>
        <form onSubmit={submit} noValidate aria-label="Log a mistake">
          <Stack gap="md">
            <NativeSelect
              label="Client"
              required
              autoFocus
              value={clientId}
              onChange={(e) => {
                setClientId(e.currentTarget.value);
                clear('clientId');
              }}
              data={[
                { value: '', label: 'Choose a client…' },
                ...clients.data.map((c) => ({ value: c.id, label: c.name })),
              ]}
              error={errors.clientId ?? fieldMessage(apiErrors['clientId'])}
            />
            <CountedTextInput
              label="Title"
              max={MAX_MISTAKE_TITLE}
              placeholder="Wrong short code in the March newsletter"
              required
              value={title}
              onChange={(e) => {
                setTitle(e.currentTarget.value);
                clear('title');
              }}
              error={errors.title ?? fieldMessage(apiErrors['title'])}
            />
            <CountedTextarea
              label="What happened"
              description="The facts, specifically: what was wrong, where, and who saw it."
              max={MAX_MISTAKE_DESCRIPTION}
              autosize
              minRows={3}
              maxRows={10}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={fieldMessage(apiErrors['description'])}
            />
            {similar.data && similar.data.length > 0 && (
              <Paper withBorder radius="md" p="sm" bg="gray.0">
                <Text fz="sm" fw={600} mb="xs">
                  Has this happened before?
                </Text>
                <SimilarList
                  items={similar.data}
                  empty=""
                  action={(s) => (
                    <Checkbox
                      size="xs"
                      label={`This is a repeat of ${s.mistake.ref}`}
                      checked={repeatOf === s.mistake.id}
                      onChange={(e) => setRepeatOf(e.currentTarget.checked ? s.mistake.id : null)}
                    />
                  )}
                />
              </Paper>
            )}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label="Category"
                  data={categoryOptions}
                  value={category}
                  onChange={(e) => setCategory(e.currentTarget.value as MistakeCategory)}
                  error={fieldMessage(apiErrors['category'])}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <SeverityField value={severity} onChange={setSeverity} error={fieldMessage(apiErrors['severity'])} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MoneyInput
                  label="Impact"
                  name="impact"
                  description="What it cost the client, if known"
                  amount={amount}
                  currency={currency}
                  onAmountChange={(v) => {
                    setAmount(v);
                    clear('impact');
                  }}
                  onCurrencyChange={(v) => {
                    setCurrency(v);
                    setCurrencyTouched(true);
                  }}
                  error={
                    errors.impact ??
                    fieldMessage(apiErrors['impact.amountMinor'] ?? apiErrors['impact.currency'] ?? apiErrors['impact'])
                  }
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Input.Wrapper
                  label="Found by"
                  description="Who noticed it first"
                  error={fieldMessage(apiErrors['foundBy'])}
                >
                  <SegmentedControl
                    fullWidth
                    aria-label="Found by"
                    data={finderOptions}
                    value={foundBy}
                    onChange={(v) => setFoundBy(v)}
                    mt={4}
                  />
                </Input.Wrapper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateTimeInput
                  label="Happened at"
                  description="Optional"
                  timeZone={timeZone}
                  value={happenedAt}
                  onChange={(value) => {
                    setHappenedAt(value);
                    clear('happenedAt');
                  }}
                  error={errors.happenedAt ?? fieldMessage(apiErrors['happenedAt'])}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateTimeInput
                  label="Found at"
                  timeZone={timeZone}
                  required
                  value={foundAt}
                  onChange={(value) => {
                    setFoundAt(value);
                    clear('foundAt');
                  }}
                  error={errors.foundAt ?? fieldMessage(apiErrors['foundAt'])}
                />
              </Grid.Col>
            </Grid>
            <FormError error={log.error} />
            <Group justify="space-between">
              <Text fz="xs" c="dimmed">
                Missing the client?{' '}
                <Anchor component={Link} to="/clients" fz="xs" underline="always">
                  Add it first
                </Anchor>
                .
              </Text>
              <Group gap="sm">
                <Button variant="default" component={Link} to="/mistakes">
                  Cancel
                </Button>
                <Button type="submit" color="red" loading={log.isPending}>
                  Log mistake
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
