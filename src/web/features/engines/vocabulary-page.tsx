import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconVocabulary, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useAddWord, useRemoveWord, useVocabulary } from './api.ts';

/** The workspace's own words: product names and terms the spelling check must accept. */
export function VocabularyPage() {
  const words = useVocabulary();
  const add = useAddWord();
  const remove = useRemoveWord();
  const [word, setWord] = useState('');
  const errors = apiFieldErrors(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(word.trim(), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `“${word.trim()}” added.` });
        setWord('');
      },
    });
  };

  return (
    <>
      <PageHeader
        title="Vocabulary"
        description="Your own names and terms. The spelling check accepts them in every message; client and contact names are known already."
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Add a word"
              placeholder="Glowpeel"
              value={word}
              onChange={(e) => {
                setWord(e.currentTarget.value);
                if (add.error) add.reset();
              }}
              error={fieldMessage(errors['word'])}
              style={{ flex: 1, maxWidth: 360 }}
            />
            <Button
              type="submit"
              mt={25}
              leftSection={<IconPlus size={16} />}
              loading={add.isPending}
              disabled={!word.trim()}
            >
              Add
            </Button>
          </Group>
          {!errors['word'] && <FormError error={add.error} />}
        </Paper>
        <FormError error={remove.error} />
        {words.isPending ? (
          <LoadingBlock label="Loading vocabulary…" />
        ) : words.isError ? (
          <ErrorBlock
            error={words.error}
            onRetry={() => void words.refetch()}
            title="The vocabulary could not be loaded"
          />
        ) : words.data.length === 0 ? (
          <EmptyBlock
            icon={<IconVocabulary size={28} />}
            title="No words yet"
            description="Add product names, service names and jargon your team writes to clients, so they are not flagged as misspellings."
          />
        ) : (
          <Stack gap="xs">
            <Text fz="sm" c="dimmed">
              {words.data.length} {words.data.length === 1 ? 'word' : 'words'}
            </Text>
            <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Vocabulary words">
              {words.data.map((w) => (
                <li key={w}>
                  <Badge
                    size="lg"
                    variant="light"
                    tt="none"
                    rightSection={
                      <ActionIcon
                        size="xs"
                        variant="transparent"
                        color="gray"
                        aria-label={`Remove ${w}`}
                        loading={remove.isPending && remove.variables === w}
                        onClick={() =>
                          remove.mutate(w, {
                            onSuccess: () => notifications.show({ color: 'teal', message: `“${w}” removed.` }),
                          })
                        }
                      >
                        <IconX size={12} />
                      </ActionIcon>
                    }
                  >
                    {w}
                  </Badge>
                </li>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
    </>
  );
}
