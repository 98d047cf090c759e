import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useClientCheckIns, useClientSatisfaction } from './api.ts';
import { answerText, checkInStateLabels } from './check-ins-section.tsx';

/** The client page's "Check-ins and satisfaction": open check-ins and every answer, with the average. */
export function ClientCheckInsPanel({ clientId }: { clientId: string }) {
  const timeZone = useTimeZone();
  const checkIns = useClientCheckIns(clientId);
  const answers = useClientSatisfaction(clientId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="client-check-ins-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="client-check-ins-title">
          Check-ins and satisfaction
        </Title>
        {checkIns.isPending || answers.isPending ? (
          <LoadingBlock label="Loading check-ins…" />
        ) : checkIns.isError ? (
          <ErrorBlock error={checkIns.error} onRetry={() => void checkIns.refetch()} />
        ) : answers.isError ? (
          <ErrorBlock error={answers.error} onRetry={() => void answers.refetch()} />
        ) : (
          <>
            <Text fz="sm">
              Satisfaction:{' '}
              {answers.data.average === null
                ? 'no answers yet'
                : `average ${answers.data.average} of 5 from ${answers.data.items.filter((i) => i.answer !== null).length} answer(s)`}
            </Text>
            {answers.data.items
              .filter((r) => r.answer !== null)
              .map((r) => (
                <Group key={r.id} gap="xs" wrap="wrap">
                  <Text fz="sm" component={Link} to={`/mistakes/${r.mistakeId}`} c="blue">
                    {r.mistakeRef}
                  </Text>
                  <Badge
                    variant="light"
                    color={(r.answer ?? 0) >= 4 ? 'green' : (r.answer ?? 0) === 3 ? 'yellow' : 'red'}
                  >
                    {answerText(r.answer ?? 0)}
                  </Badge>
                  <Text fz="sm" c="dimmed">
                    {r.contactName}
                  </Text>
                  {r.comment && <Text fz="sm">“{r.comment}”</Text>}
                </Group>
              ))}
            {checkIns.data.length === 0 ? (
              <Text fz="sm" c="dimmed">
                No check-ins yet: they are scheduled when a mistake&apos;s fix is done.
              </Text>
            ) : (
              <Stack gap={4} component="ul" p={0} m={0} aria-label="Check-ins of this client">
                {checkIns.data.map((c) => {
                  const s = checkInStateLabels[c.state];
                  return (
                    <Group key={c.id} component="li" gap="xs" wrap="wrap" style={{ listStyle: 'none' }}>
                      <Text fz="sm" component={Link} to={`/mistakes/${c.mistakeId}`} c="blue">
                        {c.mistakeRef}
                      </Text>
                      <Text fz="sm">
                        day {c.offsetDays}, due {formatDate(c.dueAt, timeZone)}
                      </Text>
                      <Badge size="sm" variant="light" color={s.color}>
                        {s.label}
                      </Badge>
                    </Group>
                  );
                })}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
