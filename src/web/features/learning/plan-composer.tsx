import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconMailCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImprovementPlanDraft, Learning } from '../../../shared/contract/index.ts';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { apiErrorMessage } from '../../lib/forms.ts';
import { useContacts } from '../recovery/api.ts';
import { MessageComposer } from '../recovery/composer.tsx';
import { fetchPlanDraft, useSendPlan } from './api.ts';

/** The improvement plan to the client: drafted from the summary and preventive actions, checked, sent. */
export function PlanComposer({ learning, clientId }: { learning: Learning; clientId: string }) {
  const contacts = useContacts(clientId);
  const send = useSendPlan(learning.mistakeId);
  const [contactId, setContactId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [draft, setDraft] = useState<ImprovementPlanDraft | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [draftError, setDraftError] = useState<unknown>(null);

  if (learning.planMessageId) {
    return (
      <Alert color="green" variant="light" icon={<IconMailCheck size={18} />} title="Improvement plan sent">
        The client has the plan; it is listed with the mistake&apos;s messages and on the timeline.
      </Alert>
    );
  }
  if (contacts.isPending) return <LoadingBlock label="Loading contacts…" />;
  if (contacts.isError) return <ErrorBlock error={contacts.error} onRetry={() => void contacts.refetch()} />;
  if (contacts.data.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        Add a contact with an email address on the client&apos;s page to send the plan from here.
      </Text>
    );
  }

  const loadDraft = async (forContact: string) => {
    if (!forContact) return;
    setDrafting(true);
    setDraftError(null);
    try {
      const next = await fetchPlanDraft(learning.mistakeId, forContact);
      setDraft(next);
      setSubject(next.subject);
      setBody(next.body);
    } catch (error) {
      setDraftError(error);
    } finally {
      setDrafting(false);
    }
  };
  const chooseContact = (id: string) => {
    setContactId(id);
    const untouched = body.trim() === '' || (draft !== null && body === draft.body && subject === draft.subject);
    if (id && untouched) void loadDraft(id);
  };

  return (
    <Stack gap="sm">
      <MessageComposer
        mistakeId={learning.mistakeId}
        clientId={clientId}
        contacts={contacts.data}
        contactId={contactId}
        onContactChange={chooseContact}
        subject={subject}
        onSubjectChange={setSubject}
        body={body}
        onBodyChange={setBody}
        kind="general"
        bodyLabel="Improvement plan"
        sendLabel="Send the improvement plan"
        onSend={(message) => send.mutateAsync(message)}
        sending={send.isPending}
        error={send.error}
        recipientAction={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            disabled={!contactId}
            loading={drafting}
            onClick={() => void loadDraft(contactId)}
          >
            {body.trim() ? 'Redraft' : 'Draft'}
          </Button>
        }
      />
      {draftError !== null && (
        <Text c="red" fz="sm" role="alert">
          The plan could not be drafted: {apiErrorMessage(draftError)}
        </Text>
      )}
    </Stack>
  );
}
