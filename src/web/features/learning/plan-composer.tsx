import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconMailCheck, IconRefresh } from '@tabler/icons-react';
import type { Learning } from '../../../shared/contract/index.ts';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { apiErrorMessage } from '../../lib/forms.ts';
import { useContacts } from '../recovery/api.ts';
import { MessageComposer, useDraftedMessage } from '../recovery/composer.tsx';
import { fetchPlanDraft, useSendPlan } from './api.ts';

/** The improvement plan to the client: drafted from the summary and preventive actions, checked, sent. */
export function PlanComposer({ learning, clientId }: { learning: Learning; clientId: string }) {
  const contacts = useContacts(clientId);
  const send = useSendPlan(learning.mistakeId);
  const { contactId, subject, setSubject, body, setBody, drafting, draftError, loadDraft, chooseContact } =
    useDraftedMessage((forContact) => fetchPlanDraft(learning.mistakeId, forContact));

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
