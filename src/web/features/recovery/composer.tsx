import { Alert, Badge, Button, Group, List, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Contact, SourcedFinding } from '../../../shared/contract/index.ts';
import { MAX_SUBJECT } from '../../../shared/contract/index.ts';
import { ApiError } from '../../api/client.ts';
import { FormError } from '../../components/states.tsx';
import { dismissalKey, ruleLabel } from '../engines/text-marks.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { BodyEditor } from './body-editor.tsx';

// One composer for everything written to a client during a recovery (the acknowledgment and the
// progress updates): recipient, subject, a body checked live, and the guard's veto with an override.

/** What the composer hands to its send action. */
export interface ComposedMessage {
  contactId: string;
  subject: string;
  body: string;
  overrideReason: string | null;
}

/** The blocking findings of a 422 `blocking_findings` answer, or null for any other error. */
export function blockingFindings(error: unknown): SourcedFinding[] | null {
  if (!(error instanceof ApiError) || error.code !== 'blocking_findings') return null;
  const blocking = error.details?.['blocking'];
  return Array.isArray(blocking) ? (blocking as SourcedFinding[]) : [];
}

/**
 * The override reason when every blocking finding is one the writer dismissed as intended in the
 * body ("Marked as intended while writing: Honorific “Ms Carter”"), else null.
 */
export function dismissedReason(blocking: SourcedFinding[] | null, body: string, dismissed: string[]): string | null {
  if (!blocking || blocking.length === 0 || dismissed.length === 0) return null;
  const all = blocking.every((f) => f.field === 'body' && dismissed.includes(dismissalKey(f, body)));
  if (!all) return null;
  const named = blocking.map((f) => `${ruleLabel(f.rule)} “${body.slice(f.start, f.end)}”`).join('; ');
  return `Marked as intended while writing: ${named}`.slice(0, 1_000);
}

/** "Dr Amara Okafor <amara@…>" for a contact select. */
export function contactLabel(contact: Contact): string {
  const name = contact.honorific === 'none' ? contact.fullName : `${contact.honorific} ${contact.fullName}`;
  return contact.email ? `${name} <${contact.email}>` : `${name} (no email)`;
}

/**
 * The drafted message of a composer: the chosen contact, the subject and body being edited, and the
 * draft `fetchDraft` wrote for that contact. Choosing a contact redrafts an untouched (or empty)
 * text; an edited one is kept until `loadDraft` is called again ("Redraft").
 */
export function useDraftedMessage<D extends { subject: string; body: string }>(
  fetchDraft: (contactId: string) => Promise<D>,
) {
  const [contactId, setContactId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [draft, setDraft] = useState<D | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [draftError, setDraftError] = useState<unknown>(null);

  const loadDraft = async (forContact: string) => {
    if (!forContact) return;
    setDrafting(true);
    setDraftError(null);
    try {
      const next = await fetchDraft(forContact);
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

  return { contactId, subject, setSubject, body, setBody, draft, drafting, draftError, loadDraft, chooseContact };
}

/** Recipient, subject and body with live checks; sending is refused by the server on error findings. */
export function MessageComposer(props: {
  mistakeId: string;
  clientId: string;
  contacts: Contact[];
  contactId: string;
  onContactChange: (contactId: string) => void;
  subject: string;
  onSubjectChange: (value: string) => void;
  body: string;
  onBodyChange: (value: string) => void;
  kind: 'acknowledgment' | 'general';
  bodyLabel: string;
  sendLabel: string;
  /** Sends; rejects with the API's error (a 422 `blocking_findings` opens the override). */
  onSend: (message: ComposedMessage) => Promise<unknown>;
  sending: boolean;
  error: unknown;
  /** Extra controls beside the recipient (e.g. "Redraft"). */
  recipientAction?: ReactNode;
}) {
  const [overrideReason, setOverrideReason] = useState('');
  const [liveErrors, setLiveErrors] = useState(0);
  // Findings the writer dismissed as intended in the analysis panel (for this message).
  const [dismissed, setDismissed] = useState<string[]>([]);
  // The server's veto holds for the text it checked: any edit clears it, so the next send checks again.
  const [blocked, setBlocked] = useState<SourcedFinding[] | null>(null);
  const fieldErrors = apiFieldErrors(props.error);
  const contact = props.contacts.find((c) => c.id === props.contactId);
  const withEmail = props.contacts.filter((c) => c.email);

  const edit = (apply: () => void) => {
    apply();
    setBlocked(null);
  };

  const needsReason = blocked !== null && blocked.length > 0;
  const reason = overrideReason.trim();
  const canSend =
    !props.sending &&
    Boolean(contact?.email) &&
    props.subject.trim() !== '' &&
    props.body.trim() !== '' &&
    (!needsReason || reason !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSend) return;
    const message = {
      contactId: props.contactId,
      subject: props.subject,
      body: props.body,
      overrideReason: needsReason ? reason : null,
    };
    try {
      try {
        await props.onSend(message);
      } catch (error) {
        // Every error the server holds it back for was dismissed as intended: send it with that as the reason.
        const intended = dismissedReason(blockingFindings(error), props.body, dismissed);
        if (intended === null || message.overrideReason !== null) throw error;
        await props.onSend({ ...message, overrideReason: intended });
      }
      setBlocked(null);
      setOverrideReason('');
    } catch (error) {
      setBlocked(blockingFindings(error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label="To"
            value={props.contactId}
            onChange={(e) => edit(() => props.onContactChange(e.currentTarget.value))}
            data={[
              { value: '', label: withEmail.length ? 'Choose a contact…' : 'No contact with an email' },
              ...props.contacts.map((c) => ({ value: c.id, label: contactLabel(c), disabled: !c.email })),
            ]}
            error={fieldMessage(fieldErrors['contactId'])}
            style={{ flex: 1, minWidth: 260 }}
          />
          {props.recipientAction}
        </Group>
        {props.contacts.length > 0 && withEmail.length === 0 && (
          <Text fz="sm" c="dimmed">
            Add an email address to one of the client&apos;s contacts to write to them from here.
          </Text>
        )}
        <TextInput
          label="Subject"
          value={props.subject}
          onChange={(e) => edit(() => props.onSubjectChange(e.currentTarget.value))}
          maxLength={MAX_SUBJECT}
          error={fieldMessage(fieldErrors['subject'])}
        />
        <BodyEditor
          label={props.bodyLabel}
          value={props.body}
          onChange={(value) => edit(() => props.onBodyChange(value))}
          clientId={props.clientId}
          mistakeId={props.mistakeId}
          kind={props.kind}
          error={fieldMessage(fieldErrors['body'])}
          onStatus={(status, errors) => {
            setLiveErrors(errors);
            setDismissed(status.dismissed);
          }}
        />

        {needsReason ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={`Not sent: ${blocked.length === 1 ? 'one error' : `${blocked.length} errors`} must be fixed first`}
            role="alert"
          >
            <Stack gap="xs">
              <List size="sm" spacing={4}>
                {blocked.map((f, i) => (
                  <List.Item key={`${f.rule}-${f.start}-${i}`}>
                    <Text span fz="sm" fw={600}>
                      {f.message}
                    </Text>
                    {f.suggestion && (
                      <Text span fz="sm">
                        {' '}
                        — {f.suggestion}
                      </Text>
                    )}{' '}
                    <Badge size="xs" variant="outline" color="red">
                      {f.source === 'guard' ? 'pre-send guard' : 'apology'}
                    </Badge>
                  </List.Item>
                ))}
              </List>
              <Text fz="sm">Fix the text and send again, or give a reason to send it as it is.</Text>
              <Textarea
                label="Reason to send anyway"
                description="Goes on the mistake's timeline."
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.currentTarget.value)}
                error={fieldMessage(fieldErrors['overrideReason'])}
                autosize
                minRows={2}
                required
              />
            </Stack>
          </Alert>
        ) : (
          props.error !== null && blockingFindings(props.error) === null && <FormError error={props.error} />
        )}

        {!needsReason && liveErrors > 0 && (
          <Text fz="sm" c="red">
            {liveErrors === 1 ? 'One error' : `${liveErrors} errors`} in the text: sending will be refused until{' '}
            {liveErrors === 1 ? 'it is' : 'they are'} fixed or overridden with a reason.
          </Text>
        )}

        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconSend size={16} />}
            loading={props.sending}
            disabled={!canSend}
            color={needsReason ? 'red' : undefined}
          >
            {needsReason ? 'Send anyway' : props.sendLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
