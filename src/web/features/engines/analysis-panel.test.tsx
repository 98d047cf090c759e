import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisPanel, type AnalysisPanelProps, type AnalysisStatus, type PanelFinding } from './analysis-panel.tsx';
import { emptyAnalysis, fakeApi, renderWithApp } from './testing.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

function Harness(props: Partial<AnalysisPanelProps> & { initial?: string }) {
  const [value, setValue] = useState(props.initial ?? '');
  return <AnalysisPanel {...props} value={value} onChange={setValue} />;
}

/** A guard that knows Lynn Carter is "Ms": offsets computed from the text it receives, like the real one. */
function honorificGuard() {
  return fakeApi(({ method, path, body }) => {
    if (method === 'POST' && path === '/analyse') return { status: 200, body: emptyAnalysis() };
    if (method === 'POST' && path === '/check') {
      const text = body.text as string;
      const at = text.indexOf('Mr Carter');
      const findings =
        at < 0
          ? []
          : [
              {
                rule: 'honorific',
                severity: 'error',
                start: at,
                end: at + 2,
                message: 'Lynn Carter is addressed as Ms, not Mr.',
                suggestion: 'Write “Ms Carter”.',
                replacement: 'Ms',
              },
            ];
      return { status: 200, body: { findings } };
    }
    return undefined;
  });
}

describe('AnalysisPanel', () => {
  it('marks a finding in the text and applying its suggestion replaces only that span, then re-checks', async () => {
    const { requests } = honorificGuard();
    const seen: { findings: PanelFinding[]; status: AnalysisStatus }[] = [];
    const user = userEvent.setup();
    renderWithApp(<Harness clientId="client-1" onFindings={(findings, status) => seen.push({ findings, status })} />);

    await user.click(screen.getByRole('textbox', { name: 'Message' }));
    await user.paste('Dear Mr Carter, your proofs are ready.');

    expect(await screen.findByText('Lynn Carter is addressed as Ms, not Mr.')).toBeInTheDocument();
    const marked = screen.getByRole('region', { name: 'Your text with findings marked' });
    const marks = marked.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['Mr']);
    expect(marks[0]).toHaveAttribute('data-severity', 'error');
    expect(screen.getByRole('status')).toHaveTextContent('1 error.');
    expect(seen.at(-1)?.status.hasErrors).toBe(true);
    expect(seen.at(-1)?.findings.map((f) => f.rule)).toEqual(['honorific']);

    await user.click(screen.getByRole('button', { name: 'Apply suggestion: replace “Mr” with “Ms”' }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('Dear Ms Carter, your proofs are ready.');

    await waitFor(() => expect(screen.queryByText('Lynn Carter is addressed as Ms, not Mr.')).not.toBeInTheDocument());
    expect(await screen.findByText('No findings: nothing to fix in this text.')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/check').map((r) => r.body.text)).toContain(
      'Dear Ms Carter, your proofs are ready.',
    );
    expect(seen.at(-1)?.status).toMatchObject({ hasErrors: false, upToDate: true });
  });

  it('refuses to apply a finding made for an older text, and applies it at its new place after the re-check', async () => {
    honorificGuard();
    const user = userEvent.setup();
    renderWithApp(<Harness clientId="client-1" initial="Dear Mr Carter, thanks." />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    const applyName = 'Apply suggestion: replace “Mr” with “Ms”';
    expect(await screen.findByRole('button', { name: applyName })).toBeEnabled();

    await user.type(box, 'Hello. ', { initialSelectionStart: 0, initialSelectionEnd: 0 });
    expect(box).toHaveValue('Hello. Dear Mr Carter, thanks.');
    // Until the new text is checked, the old offsets would cut "o. " instead of "Mr".
    expect(screen.getByRole('button', { name: applyName })).toBeDisabled();

    await waitFor(() => expect(screen.getByRole('button', { name: applyName })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: applyName }));
    expect(box).toHaveValue('Hello. Dear Ms Carter, thanks.');
  });

  it('shows the apology components as a checklist with the score and the verdict in plain words', async () => {
    const text = 'I am sorry. I sent the wrong code, which was my mistake. I will resend it today.';
    fakeApi(({ path }) => {
      if (path !== '/analyse') return undefined;
      const analysis = emptyAnalysis();
      analysis.verdict = 'good' as never;
      analysis.score = 76;
      analysis.components.responsibility = true;
      analysis.components.regret = true;
      analysis.components.repair = true;
      const at = text.indexOf('which was my mistake');
      analysis.evidence.responsibility = [{ start: at, end: at + 'which was my mistake'.length }] as never[];
      return { status: 200, body: analysis };
    });
    renderWithApp(<Harness initial={text} kind="acknowledgment" />);

    const list = await screen.findByRole('list', { name: 'Apology components' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-component'))).toEqual([
      'responsibility',
      'repair',
      'regret',
      'explanation',
      'repentance',
      'forgiveness',
    ]);
    expect(
      items.filter((i) => i.getAttribute('data-present') === 'true').map((i) => i.getAttribute('data-component')),
    ).toEqual(['responsibility', 'repair', 'regret']);
    expect(within(items[0]!).getByText('Takes responsibility')).toBeInTheDocument();
    expect(within(items[0]!).getByText('“which was my mistake”')).toBeInTheDocument();
    expect(within(items[3]!).getByText(': missing')).toBeInTheDocument();
    expect(screen.getByText('A good apology')).toBeInTheDocument();
    expect(screen.getByText('Score 76 / 100')).toBeInTheDocument();
  });

  it('says a plain client email does not read as an apology, with no checklist of red crosses', async () => {
    const text = 'Hi Sam, the March invoice is attached. Let me know if you need anything else.';
    fakeApi(({ path }) => {
      if (path !== '/analyse') return undefined;
      return { status: 200, body: { ...emptyAnalysis(), isApology: false } };
    });
    renderWithApp(<Harness initial={text} kind="general" />);
    expect(await screen.findByText(/This doesn’t read as an apology/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Apology components' })).not.toBeInTheDocument();
    expect(screen.queryByText('Partly there')).not.toBeInTheDocument();
  });

  it('keeps the checklist as a guide for a message about a mistake that is not an apology yet', async () => {
    const text = 'Hi Sam, about the invoice.';
    fakeApi(({ path }) => {
      if (path !== '/analyse') return undefined;
      return { status: 200, body: { ...emptyAnalysis(), isApology: false } };
    });
    renderWithApp(<Harness initial={text} kind="acknowledgment" />);
    expect(await screen.findByText(/This doesn’t read as an apology/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Apology components' })).toBeInTheDocument();
  });

  it('calls a conditional apology a non-apology and lists the finding without a replacement button', async () => {
    const text = 'We are sorry if you were upset.';
    fakeApi(({ path }) => {
      if (path !== '/analyse') return undefined;
      const analysis = emptyAnalysis();
      analysis.verdict = 'non_apology' as never;
      analysis.components.regret = true;
      const at = text.indexOf('sorry if');
      analysis.findings = [
        {
          rule: 'conditional_apology',
          severity: 'error',
          start: at,
          end: at + 8,
          message: '“Sorry if” makes the apology conditional.',
          suggestion: 'Say what went wrong and that you are sorry for it.',
        },
      ];
      return { status: 200, body: analysis };
    });
    renderWithApp(<Harness initial={text} />);
    expect(await screen.findByText('Not a real apology')).toBeInTheDocument();
    expect(screen.getByText('Conditional apology')).toBeInTheDocument();
    expect(screen.getByText('“Sorry if” makes the apology conditional.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Apply suggestion/ })).not.toBeInTheDocument();
    const marked = screen.getByRole('region', { name: 'Your text with findings marked' });
    expect([...marked.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['sorry if']);
  });

  it('runs only the analyser when no client is given, and shows an API failure with a retry', async () => {
    const { requests } = fakeApi(({ path }) =>
      path === '/analyse'
        ? { status: 404, body: { error: { code: 'mistake_not_found', message: 'No such mistake.', requestId: 'r1' } } }
        : undefined,
    );
    renderWithApp(<Harness initial="Sorry for the delay." mistakeId="m-9" />);
    expect(await screen.findByText('No such mistake.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(requests.map((r) => r.path)).toEqual(['/analyse']);
    expect(requests[0]!.body).toEqual({ text: 'Sorry for the delay.', kind: 'acknowledgment', mistakeId: 'm-9' });
  });

  it('sends nothing for an empty text and says what to do', async () => {
    const { requests } = fakeApi(() => undefined);
    renderWithApp(<Harness clientId="client-1" />);
    expect(screen.getByText('Write or paste the text to see findings as you type.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(requests).toEqual([]);
  });
});
