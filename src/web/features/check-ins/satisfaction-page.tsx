import { Alert, Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { satisfactionLabels, type SatisfactionPublic } from '../../../shared/contract/index.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { AuthCard } from '../auth/auth-card.tsx';
import { useAnswerSatisfaction, usePublicSatisfaction } from './api.ts';

// /satisfaction/:token — the client's one-question page, no sign-in. Opening the link (with the
// chosen answer preselected from ?answer=n) changes nothing: mail scanners open links too; the
// answer is recorded when the client sends it, and can be changed once.

/** What a refused link means, in the client's words; null for anything else (a network error). */
export function satisfactionLinkProblem(error: unknown): { title: string; text: string } | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'satisfaction_token_expired':
      return { title: 'This link has expired', text: 'The question was open for 30 days. Thank you all the same.' };
    case 'satisfaction_answer_final':
      return {
        title: 'Your answer is recorded',
        text: 'You have already given (and changed) your answer, so it is final. Thank you.',
      };
    case 'satisfaction_token_invalid':
      return {
        title: 'This link is not valid',
        text: 'It may be mistyped or incomplete. Open it again from the email, or reply to the email instead.',
      };
    case 'validation_failed':
      return {
        title: 'This link is not complete',
        text: 'Copy the whole link from the email into the address bar, or click it in the email.',
      };
    default:
      return error.status >= 400 && error.status < 500
        ? { title: 'This link cannot be used', text: error.message }
        : null;
  }
}

function AnswerForm({
  token,
  view,
  preselected,
}: {
  token: string;
  view: SatisfactionPublic;
  preselected: number | null;
}) {
  const answer = useAnswerSatisfaction(token);
  const [choice, setChoice] = useState<string>(String(view.answer ?? preselected ?? ''));
  const [comment, setComment] = useState(view.comment ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    void answer.mutateAsync({ answer: Number(choice), comment: comment.trim() || null }).catch(() => undefined);
  };
  const problem = answer.error ? satisfactionLinkProblem(answer.error) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {view.answer !== null && (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status" title="Thank you">
            Your answer: {view.answer} of 5 ({satisfactionLabels[view.answer - 1]}).{' '}
            {view.canChange
              ? `You can change it once, until ${view.expiresAt.slice(0, 10)}.`
              : 'It is recorded and final.'}
          </Alert>
        )}
        {view.canAnswer && (
          <>
            <Radio.Group label={view.question} value={choice} onChange={setChoice} required name="answer">
              <Stack gap={6} mt="xs">
                {satisfactionLabels.map((label, i) => (
                  <Radio key={label} value={String(i + 1)} label={`${i + 1} – ${label}`} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label="Anything you would like to add? (optional)"
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            {problem ? (
              <Alert color="red" variant="light" title={problem.title} role="alert">
                {problem.text}
              </Alert>
            ) : (
              <FormError error={answer.error} />
            )}
            <Button type="submit" disabled={!choice} loading={answer.isPending}>
              {view.answer === null ? 'Send my answer' : 'Change my answer'}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}

/** The public satisfaction page. */
export function SatisfactionPage() {
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const asked = Number(search.get('answer'));
  const preselected = Number.isInteger(asked) && asked >= 1 && asked <= 5 ? asked : null;
  const view = usePublicSatisfaction(token);
  if (view.isPending) {
    return (
      <AuthCard title="How well did we put this right?" subtitle="Opening your link…">
        <LoadingBlock label="Opening the question…" />
      </AuthCard>
    );
  }
  if (view.isError) {
    const problem = satisfactionLinkProblem(view.error);
    return (
      <AuthCard title={problem?.title ?? 'Something went wrong'} subtitle="This link cannot be answered.">
        {problem ? (
          <Text fz="sm" role="alert">
            {problem.text}
          </Text>
        ) : (
          <ErrorBlock error={view.error} onRetry={() => void view.refetch()} />
        )}
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={view.data.question}
      subtitle={
        <>
          {view.data.from} asks {view.data.contactName}: one question about how we put our mistake right.
        </>
      }
    >
      <AnswerForm token={token} view={view.data} preselected={preselected} />
    </AuthCard>
  );
}
