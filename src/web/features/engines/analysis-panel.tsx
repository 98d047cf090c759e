import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconEyeOff, IconFocus, IconWand, IconWandOff, IconX } from '@tabler/icons-react';
import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AnalysisDto, FindingDto } from '../../../shared/contract/index.ts';
import { apologyComponentNames, MAX_CHECK_TEXT } from '../../../shared/contract/index.ts';
import { apiErrorMessage } from '../../lib/forms.ts';
import { checkable, useAnalysis, useCheck, type AnalyseRequest, type CheckRequest } from './api.ts';
import {
  applyAllReplacements,
  applyReplacement,
  dismissalKey,
  mergeFindings,
  ruleLabel,
  segmentText,
  worstSeverity,
  type PanelFinding,
} from './text-marks.ts';

export type { PanelFinding } from './text-marks.ts';

/** Where the panel's findings stand, told to the parent through `onFindings`. */
export interface AnalysisStatus {
  /** The findings belong to the text as it is now (both engines have answered for it). */
  upToDate: boolean;
  /** A request is in flight or waiting for the typing pause. */
  checking: boolean;
  /** At least one finding of severity `error` on the current text. */
  hasErrors: boolean;
  /** An engine could not answer (network, 4xx); its message is shown in the panel. */
  failed: boolean;
  /** The apology verdict of the current text (null until analysed). */
  verdict: AnalysisDto['verdict'] | null;
  /** The apology score, 0–100 (null until analysed). */
  score: number | null;
  /**
   * Findings the writer dismissed as intended ("Ms Carter is right here"), as `dismissalKey`s: they
   * are left out of the findings and of `hasErrors`, for this message only.
   */
  dismissed: string[];
}

/** Props of {@link AnalysisPanel}: a controlled text editor with both engines' findings. */
export interface AnalysisPanelProps {
  /** The text being written (controlled). */
  value: string;
  /** Called with the new text, on typing and when a suggestion is applied. */
  onChange: (value: string) => void;
  /** The client the text goes to; when set, the pre-send guard also runs (POST /api/check). */
  clientId?: string | null;
  /** The mistake being acknowledged; the analyser then checks that the text names it. */
  mistakeId?: string | null;
  /** `acknowledgment` adds advice on a fix timeline and prevention; default: acknowledgment when `mistakeId` is set, else general. */
  kind?: 'acknowledgment' | 'general';
  /** How many files go with the message: 0 flags "see attached" as an error, 'unknown' asks about it; omit when it does not apply. */
  attachments?: number | 'unknown';
  /** The date the message goes out (YYYY-MM-DD), for weekday checks; default today in the workspace's zone. */
  date?: string;
  /** Label of the text box (default "Message"). */
  label?: ReactNode;
  /** A line under the label. */
  description?: ReactNode;
  placeholder?: string;
  /** Rows of the text box before it grows (default 6). */
  minRows?: number;
  disabled?: boolean;
  required?: boolean;
  /** An error of the parent's form about the text (shown on the text box). */
  error?: ReactNode;
  /** Show the apology checklist, score and verdict (default true). */
  showApology?: boolean;
  /** Told whenever the findings or their status change — e.g. to hold "Send" while `status.hasErrors`. */
  onFindings?: (findings: PanelFinding[], status: AnalysisStatus) => void;
}

/** Plain words for each apology component, strongest first (Lewicki, Polin & Lount 2016). */
export const componentLabels: Record<(typeof apologyComponentNames)[number], { label: string; hint: string }> = {
  responsibility: { label: 'Takes responsibility', hint: 'Says plainly that we made the mistake.' },
  repair: { label: 'Offers to make it right', hint: 'Says what we will do to fix it.' },
  regret: { label: 'Expresses regret', hint: 'Says we are sorry.' },
  explanation: { label: 'Explains what happened', hint: 'Says briefly how it went wrong, without excuses.' },
  repentance: { label: 'Says it won’t happen again', hint: 'Names the step that prevents a repeat.' },
  forgiveness: { label: 'Asks for forgiveness', hint: 'Asks the client to accept the apology.' },
};

/** Plain words for the verdicts. */
export const verdictLabels: Record<AnalysisDto['verdict'], { label: string; explain: string; color: string }> = {
  good: { label: 'A good apology', explain: 'It owns the mistake and says how it will be made right.', color: 'teal' },
  mixed: {
    label: 'Partly there',
    explain: 'It apologises, but misses or weakens something that matters. See the checklist and findings.',
    color: 'yellow',
  },
  non_apology: {
    label: 'Not a real apology',
    explain: 'As written, it reads as a non-apology: fix the findings marked as errors.',
    color: 'red',
  },
};

const severityColor: Record<FindingDto['severity'], string> = { error: 'red', warning: 'orange', info: 'blue' };
const severityWord: Record<FindingDto['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Advice' };

/** Same request? (The inputs are built by one function each, so key order is stable.) */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A text box for anything that goes to a client, with the apology analyser and (given a client)
 * the pre-send guard running as you type: findings are marked in a numbered copy of the text,
 * listed with their explanation and, when the engine has one, a one-click replacement. A finding
 * can only be applied to the exact text it was computed for, so stale offsets never cut the text.
 */
export function AnalysisPanel(props: AnalysisPanelProps) {
  const {
    value,
    onChange,
    clientId,
    mistakeId,
    attachments,
    date,
    minRows = 6,
    showApology = true,
    label = 'Message',
  } = props;
  const kind = props.kind ?? (mistakeId ? 'acknowledgment' : 'general');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const baseId = useId();
  const [debounced] = useDebouncedValue(value, 300);
  // Names this draft to the guard, so a lesson counts what it caught here (fixed before sending).
  const [draftId] = useState(() => `draft-${crypto.randomUUID()}`);
  // Findings dismissed as intended, remembered for this message (this editor) by rule and words.
  const [dismissed, setDismissed] = useState<string[]>([]);

  const analyseInput = (text: string): AnalyseRequest => ({ text, kind, ...(mistakeId && { mistakeId }) });
  const checkInput = (text: string): CheckRequest | null =>
    clientId
      ? {
          text,
          clientId,
          draftId,
          ...(attachments !== undefined && { attachments }),
          ...(date && { date }),
        }
      : null;

  const sendable = checkable(debounced);
  const analysis = useAnalysis(sendable ? analyseInput(debounced) : null);
  const check = useCheck(sendable ? checkInput(debounced) : null);

  const tooLong = value.length > MAX_CHECK_TEXT;
  const blank = value.trim().length === 0;
  const analyseFresh = analysis.data !== undefined && same(analysis.data.input, analyseInput(value));
  const wantCheck = Boolean(clientId);
  const checkFresh = !wantCheck || (check.data !== undefined && same(check.data.input, checkInput(value)));
  const analyseFailed = analysis.isError && !analysis.isFetching;
  const checkFailed = wantCheck && check.isError && !check.isFetching;
  const failed = analyseFailed || checkFailed;

  // What is shown: the current text with the answers made for it, or (while typing) the last
  // answered text with its own findings, so marks always sit on the characters they were made for.
  const shown = ((): { text: string | null; findings: PanelFinding[]; current: boolean } => {
    if (blank || tooLong) return { text: value, findings: [], current: true };
    const analysed = analysis.data;
    const checked = wantCheck ? check.data : undefined;
    let text: string | null = null;
    if (analyseFresh || (wantCheck && checkFresh)) text = value;
    else text = analysed?.input.text ?? checked?.input.text ?? null;
    if (text === null) return { text: null, findings: [], current: false };
    const fromAnalyse =
      analysed && analysed.input.text === text && same(analysed.input, analyseInput(text))
        ? analysed.result.findings
        : [];
    const fromCheck = checked && same(checked.input, checkInput(text)) ? checked.result : [];
    const all = mergeFindings(fromAnalyse, fromCheck);
    return {
      text,
      findings: all.filter((f) => !dismissed.includes(dismissalKey(f, text))),
      current: text === value,
    };
  })();

  const upToDate = blank || (!tooLong && analyseFresh && checkFresh);
  const checking = !blank && !tooLong && !upToDate && !failed;
  const currentFindings = shown.current ? shown.findings : [];
  const status: AnalysisStatus = {
    upToDate,
    checking,
    hasErrors: currentFindings.some((f) => f.severity === 'error'),
    failed: failed || tooLong,
    verdict: analyseFresh ? (analysis.data?.result.verdict ?? null) : null,
    score: analyseFresh ? (analysis.data?.result.score ?? null) : null,
    dismissed,
  };

  // Tell the parent only when something it can see changed (the callback itself may change every render).
  const onFindings = useRef(props.onFindings);
  onFindings.current = props.onFindings;
  const signature = JSON.stringify([currentFindings.map((f) => f.key), status]);
  useEffect(() => {
    onFindings.current?.(currentFindings, status);
  }, [signature]); // the signature stands for currentFindings and status

  // After a suggestion is applied, put the caret after the replaced words.
  useEffect(() => {
    const caret = pendingCaret.current;
    const box = textareaRef.current;
    if (caret === null || !box) return;
    pendingCaret.current = null;
    box.focus();
    box.setSelectionRange(caret, caret);
  }, [value]);

  const apply = (finding: PanelFinding) => {
    if (shown.text === null) return;
    const next = applyReplacement(value, shown.text, finding);
    if (next === null) return;
    pendingCaret.current = finding.start + (finding.replacement ?? '').length;
    onChange(next);
  };

  const applyAll = () => {
    if (shown.text === null) return;
    const next = applyAllReplacements(value, shown.text, shown.findings);
    if (next === null || next.applied === 0) return;
    onChange(next.text);
  };

  const dismiss = (finding: PanelFinding) => {
    if (shown.text === null) return;
    const key = dismissalKey(finding, shown.text);
    setDismissed((keys) => (keys.includes(key) ? keys : [...keys, key]));
  };

  const select = (finding: PanelFinding) => {
    const box = textareaRef.current;
    if (!box || !shown.current) return;
    box.focus();
    box.setSelectionRange(finding.start, finding.end);
  };

  const findingId = (index: number) => `${baseId}-finding-${index}`;
  const applicable = shown.current && !props.disabled ? shown.findings.filter((f) => f.replacement !== undefined) : [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of shown.findings) counts[f.severity] += 1;

  return (
    <Stack gap="sm">
      <Textarea
        ref={textareaRef}
        label={label}
        description={props.description}
        placeholder={props.placeholder}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        // A plain textarea the user can resize (Mantine's autosize needs document.fonts, absent in jsdom).
        rows={minRows}
        resize="vertical"
        disabled={props.disabled}
        required={props.required}
        error={
          props.error ??
          (tooLong
            ? `Too long to check: ${value.length.toLocaleString('en-US')} of at most ${MAX_CHECK_TEXT.toLocaleString('en-US')} characters.`
            : undefined)
        }
        aria-describedby={`${baseId}-status`}
      />

      <Group gap="xs" id={`${baseId}-status`} aria-live="polite" role="status" mih={22}>
        {blank ? (
          <Text fz="sm" c="dimmed">
            Write or paste the text to see findings as you type.
          </Text>
        ) : checking ? (
          <>
            <Loader size={14} aria-hidden />
            <Text fz="sm" c="dimmed">
              Checking…
            </Text>
          </>
        ) : upToDate ? (
          <Text fz="sm" c={shown.findings.length === 0 ? 'teal' : undefined}>
            {shown.findings.length === 0 ? 'No findings: nothing to fix in this text.' : summarise(counts)}
          </Text>
        ) : null}
      </Group>

      {failed && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="The text could not be checked"
          role="alert"
        >
          <Stack gap={4}>
            {analyseFailed && <Text fz="sm">{apiErrorMessage(analysis.error)}</Text>}
            {checkFailed && <Text fz="sm">{apiErrorMessage(check.error)}</Text>}
            <Group>
              <Button
                size="xs"
                variant="white"
                color="red"
                onClick={() => {
                  if (analyseFailed) void analysis.refetch();
                  if (checkFailed) void check.refetch();
                }}
              >
                Try again
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {shown.text !== null && shown.findings.length > 0 && (
        <Paper withBorder p="sm" style={{ opacity: shown.current ? 1 : 0.6 }} aria-busy={!shown.current}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} fz="sm" fw={600}>
                Findings in your text{!shown.current && ' (updating…)'}
              </Title>
              {applicable.length > 1 && (
                <Button size="compact-sm" variant="light" leftSection={<IconWand size={14} />} onClick={applyAll}>
                  Apply all suggestions ({applicable.length})
                </Button>
              )}
            </Group>
            <MarkedText text={shown.text} findings={shown.findings} findingId={findingId} />
            <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Findings">
              {shown.findings.map((f, index) => (
                <FindingItem
                  key={f.key}
                  id={findingId(index)}
                  number={index + 1}
                  finding={f}
                  quote={shown.text!.slice(f.start, f.end)}
                  canApply={shown.current && f.replacement !== undefined && !props.disabled}
                  onApply={() => apply(f)}
                  onSelect={shown.current ? () => select(f) : undefined}
                  onDismiss={shown.current && !props.disabled ? () => dismiss(f) : undefined}
                />
              ))}
            </Box>
          </Stack>
        </Paper>
      )}

      {dismissed.length > 0 && (
        <Group gap={6} wrap="wrap">
          <IconEyeOff size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text fz="sm" c="dimmed">
            {dismissed.length === 1 ? 'One finding' : `${dismissed.length} findings`} dismissed as intended for this
            message.
          </Text>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setDismissed([])}>
            Show {dismissed.length === 1 ? 'it' : 'them'} again
          </Button>
        </Group>
      )}

      {showApology && !blank && analysis.data && (
        <ApologyChecklist
          analysis={analysis.data.result}
          text={analysis.data.input.text}
          kind={kind}
          current={analyseFresh}
        />
      )}
    </Stack>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 error and 2 warnings." — only the kinds present. */
function summarise(counts: Record<FindingDto['severity'], number>): string {
  const parts = [
    counts.error > 0 ? plural(counts.error, 'error') : null,
    counts.warning > 0 ? plural(counts.warning, 'warning') : null,
    counts.info > 0 ? plural(counts.info, 'piece of advice', 'pieces of advice') : null,
  ].filter((p): p is string => p !== null);
  const last = parts.pop();
  return `${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}

/** The analysed text with each finding's words marked and numbered like the list below it. */
function MarkedText({
  text,
  findings,
  findingId,
}: {
  text: string;
  findings: PanelFinding[];
  findingId: (index: number) => string;
}) {
  const segments = segmentText(text, findings);
  return (
    <Box
      role="region"
      aria-label="Your text with findings marked"
      fz="sm"
      p="xs"
      bg="var(--mantine-color-gray-0)"
      style={{
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        borderRadius: 'var(--mantine-radius-sm)',
        lineHeight: 1.7,
      }}
    >
      {segments.map((segment) => {
        const covering = segment.covering.map((i) => findings[i]!);
        const worst = worstSeverity(covering);
        const numbers = segment.endingHere.map((i) => (
          <Box
            key={i}
            component="sup"
            fz={10}
            fw={700}
            c={`${severityColor[findings[i]!.severity]}.8`}
            aria-hidden
            title={findings[i]!.message}
          >
            {i + 1}
          </Box>
        ));
        return (
          <Fragment key={segment.start}>
            {worst ? (
              <mark
                data-severity={worst}
                title={covering.map((f) => f.message).join('\n')}
                aria-describedby={segment.covering.map(findingId).join(' ')}
                style={{
                  background: `var(--mantine-color-${severityColor[worst]}-1)`,
                  color: 'inherit',
                  textDecoration: `underline wavy var(--mantine-color-${severityColor[worst]}-7)`,
                  textUnderlineOffset: 3,
                  borderRadius: 2,
                }}
              >
                {segment.text}
              </mark>
            ) : (
              segment.text
            )}
            {numbers}
          </Fragment>
        );
      })}
    </Box>
  );
}

function FindingItem(props: {
  id: string;
  number: number;
  finding: PanelFinding;
  quote: string;
  canApply: boolean;
  onApply: () => void;
  onSelect?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}) {
  const { finding: f, quote } = props;
  const color = severityColor[f.severity];
  return (
    <Box component="li" id={props.id} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge size="sm" variant="filled" color={color} circle aria-hidden>
            {props.number}
          </Badge>
          <VisuallyHidden>Finding {props.number}: </VisuallyHidden>
          <Badge size="sm" variant="light" color={color}>
            {severityWord[f.severity]}
          </Badge>
          <Text fz="sm" fw={600}>
            {ruleLabel(f.rule)}
          </Text>
          {quote && (
            <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              “{quote.length > 80 ? `${quote.slice(0, 77)}…` : quote}”
            </Text>
          )}
        </Group>
        <Text fz="sm">{f.message}</Text>
        {f.suggestion && (
          <Text fz="sm" c="dimmed">
            {f.suggestion}
          </Text>
        )}
        <Group gap="xs">
          {f.replacement !== undefined && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconWand size={14} />}
              disabled={!props.canApply}
              onClick={props.onApply}
              aria-label={
                f.replacement === ''
                  ? `Apply suggestion: remove “${quote}”`
                  : `Apply suggestion: replace “${quote}” with “${f.replacement}”`
              }
            >
              {f.replacement === '' ? 'Remove it' : `Use “${f.replacement}”`}
            </Button>
          )}
          {props.onSelect && quote && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconFocus size={14} />}
              onClick={props.onSelect}
              aria-label={`Select “${quote}” in the text box`}
            >
              Show in text
            </Button>
          )}
          {props.onDismiss && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconWandOff size={14} />}
              onClick={props.onDismiss}
              aria-label={quote ? `Dismiss: “${quote}” is right here` : `Dismiss: ${ruleLabel(f.rule)} is intended here`}
            >
              {quote ? `“${quote.length > 30 ? `${quote.slice(0, 29)}…` : quote}” is right here` : 'It’s intended'}
            </Button>
          )}
        </Group>
      </Stack>
    </Box>
  );
}

/** The six apology components as a checklist, with the score and the verdict in plain words. */
export function ApologyChecklist({
  analysis,
  text,
  kind,
  current = true,
}: {
  /** `isApology` may be missing from an older server's answer. */
  analysis: Omit<AnalysisDto, 'isApology'> & { isApology?: boolean };
  /** The text the analysis was made for (to quote the evidence). */
  text: string;
  kind: 'acknowledgment' | 'general';
  /** False while the text has changed since this analysis. */
  current?: boolean;
}) {
  const present = apologyComponentNames.filter((c) => analysis.components[c]);
  // The analyser says whether the text reads as an apology at all (older servers did not: then
  // fall back to "nothing present and nothing found").
  const notApology =
    analysis.isApology === false ||
    (analysis.isApology === undefined && kind === 'general' && present.length === 0 && analysis.findings.length === 0);
  // A general message that is not an apology gets no checklist of red crosses; a message about a
  // mistake (acknowledgment) keeps the checklist as the guide to writing one.
  const noApology = notApology && kind === 'general';
  const verdict = verdictLabels[analysis.verdict];
  return (
    <Paper withBorder p="sm" style={{ opacity: current ? 1 : 0.6 }} aria-busy={!current}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} fz="sm" fw={600}>
            Apology checklist
          </Title>
          {!notApology && (
            <Badge color={verdict.color} variant="light" size="lg">
              {verdict.label}
            </Badge>
          )}
        </Group>
        {notApology ? (
          <Text fz="sm" c="dimmed">
            This doesn’t read as an apology
            {noApology
              ? ', so there is nothing to score.'
              : ': it neither says sorry nor owns the mistake yet. The checklist below is what a good one has.'}
          </Text>
        ) : (
          <>
            <Text fz="sm">{verdict.explain}</Text>
            <Group gap="sm" wrap="nowrap">
              <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                Score {analysis.score} / 100
              </Text>
              <Progress
                value={analysis.score}
                color={verdict.color}
                style={{ flex: 1 }}
                aria-label={`Apology score ${analysis.score} out of 100`}
              />
            </Group>
          </>
        )}
        {!noApology && (
          <List spacing={6} aria-label="Apology components" listStyleType="none" p={0}>
            {apologyComponentNames.map((name) => {
              const has = analysis.components[name];
              const evidence = analysis.evidence[name]?.[0];
              const quote = evidence ? text.slice(evidence.start, evidence.end) : '';
              return (
                <List.Item
                  key={name}
                  data-component={name}
                  data-present={has}
                  icon={
                    <ThemeIcon
                      size={20}
                      radius="xl"
                      color={has ? 'teal' : 'gray'}
                      variant={has ? 'filled' : 'light'}
                      aria-hidden
                    >
                      {has ? <IconCheck size={14} /> : <IconX size={14} />}
                    </ThemeIcon>
                  }
                >
                  <Text fz="sm" span fw={has ? 600 : 400}>
                    {componentLabels[name].label}
                  </Text>
                  <VisuallyHidden>{has ? ': present' : ': missing'}</VisuallyHidden>
                  <Text fz="xs" c="dimmed">
                    {has && quote
                      ? `“${quote.length > 80 ? `${quote.slice(0, 77)}…` : quote}”`
                      : componentLabels[name].hint}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
