import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Learning, LessonScope, Mistake } from '../../../shared/contract/index.ts';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useCreateLesson, useMarkRepeat, useMistakeLessons, useSimilarMistakes, useUnmarkRepeat } from './api.ts';
import { useMistake } from '../mistakes/api.ts';
import { LessonCard } from './lesson-card.tsx';
import { SimilarList } from './similar-list.tsx';

function WriteLesson({ mistakeId, onDone }: { mistakeId: string; onDone?: () => void }) {
  const create = useCreateLesson(mistakeId);
  const [title, setTitle] = useState('');
  const [learned, setLearned] = useState('');
  const [scope, setScope] = useState<LessonScope>('client');
  const errors = apiFieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title: title.trim(), learned: learned.trim(), scope },
      {
        onSuccess: () => {
          setTitle('');
          setLearned('');
          onDone?.();
        },
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Write a lesson">
      <Stack gap="xs">
        <TextInput
          label="Lesson"
          placeholder="Check every code against the facts card before print"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldMessage(errors['title'])}
        />
        <Textarea
          label="What we learned"
          description="Blameless: what let it through, not who."
          autosize
          minRows={2}
          value={learned}
          maxLength={4000}
          onChange={(e) => setLearned(e.currentTarget.value)}
          error={fieldMessage(errors['learned'])}
        />
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Text fz="sm" fw={500} mb={4} id="lesson-scope">
              Applies to
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="lesson-scope"
              value={scope}
              onChange={(v) => setScope(v === 'workspace' ? 'workspace' : 'client')}
              data={[
                { value: 'client', label: 'This client' },
                { value: 'workspace', label: 'Every client' },
              ]}
            />
          </div>
          <Group gap="xs">
            {onDone && (
              <Button size="xs" variant="default" onClick={onDone}>
                Cancel
              </Button>
            )}
            <Button size="xs" type="submit" loading={create.isPending}>
              Save lesson
            </Button>
          </Group>
        </Group>
        <FormError error={create.error} />
      </Stack>
    </Paper>
  );
}

/** The lessons of a mistake, and writing one. */
export function LessonsPart({ mistakeId }: { mistakeId: string }) {
  const lessons = useMistakeLessons(mistakeId);
  const [writing, setWriting] = useState(false);
  if (lessons.isPending) return <LoadingBlock label="Loading the lessons…" />;
  if (lessons.isError) return <ErrorBlock error={lessons.error} onRetry={() => void lessons.refetch()} />;
  return (
    <Stack gap="sm">
      {lessons.data.map((l) => (
        <LessonCard key={l.id} lesson={l} />
      ))}
      {lessons.data.length === 0 ? (
        <WriteLesson mistakeId={mistakeId} />
      ) : writing ? (
        <WriteLesson mistakeId={mistakeId} onDone={() => setWriting(false)} />
      ) : (
        <Group>
          <Button size="xs" variant="default" onClick={() => setWriting(true)}>
            Write another lesson
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Is this a repeat? The earlier mistakes most like this one, marking it (and undoing it). */
export function RepeatPart({ learning }: { learning: Learning }) {
  const query = useMistake(learning.mistakeId);
  if (query.isPending) return <LoadingBlock label="Loading the mistake…" />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  return <Repeat mistake={query.data} learning={learning} />;
}

function Repeat({ mistake, learning }: { mistake: Mistake; learning: Learning }) {
  const mark = useMarkRepeat(mistake.id);
  const unmark = useUnmarkRepeat(mistake.id);
  const similar = useSimilarMistakes(
    learning.repeatOf
      ? null
      : {
          title: mistake.title,
          ...(mistake.description && { description: mistake.description }),
          clientId: mistake.clientId,
          category: mistake.category,
          excludeId: mistake.id,
        },
  );
  return (
    <Stack gap="sm">
      {learning.regressed && (
        <Alert color="red" variant="light" icon={<IconRepeat size={18} />} title="Regressed">
          It happened again
          {learning.repeats.length > 0 && (
            <>
              {' as '}
              {learning.repeats.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <Link to={`/mistakes/${r.id}`}>{r.ref}</Link>
                </span>
              ))}
            </>
          )}
          : its preventive actions did not hold, so it is no longer verified or closed.
        </Alert>
      )}
      {learning.repeatOf ? (
        <Group gap="xs">
          <Badge color="red" variant="light" leftSection={<IconRepeat size={12} />}>
            Repeat of {learning.repeatOf.ref}
          </Badge>
          <Link to={`/mistakes/${learning.repeatOf.id}`}>Open {learning.repeatOf.ref}</Link>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            loading={unmark.isPending}
            onClick={() => unmark.mutate()}
          >
            Undo
          </Button>
        </Group>
      ) : similar.isPending ? (
        <LoadingBlock label="Looking for earlier mistakes like this one…" />
      ) : similar.isError ? (
        <ErrorBlock error={similar.error} onRetry={() => void similar.refetch()} />
      ) : (
        <SimilarList
          items={similar.data.filter((s) => s.mistake.number < mistake.number)}
          empty="No earlier mistake is like this one."
          action={(s) => (
            <Button
              size="compact-xs"
              variant={s.likelyRepeat ? 'filled' : 'light'}
              color="red"
              loading={mark.isPending && mark.variables === s.mistake.id}
              onClick={() => mark.mutate(s.mistake.id)}
            >
              Mark as a repeat of {s.mistake.ref}
            </Button>
          )}
        />
      )}
      <FormError error={mark.error ?? unmark.error} />
    </Stack>
  );
}
