import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisPanel, type AnalysisPanelProps, type AnalysisStatus } from './analysis-panel.tsx';
import { CheckPage, LAST_CLIENT_KEY } from './check-page.tsx';
import { emptyAnalysis, fakeApi, renderWithApp } from './testing.tsx';
import { applyAllReplacements, dismissalKey } from './text-marks.ts';

// Issue 13 C: "Apply all suggestions", dismissing a finding as intended for this message, and the
// "Check a message" page copying the text, remembering the last client and asking about attachments.

afterEach(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  window.localStorage.clear();
});

function Harness(props: Partial<AnalysisPanelProps> & { initial?: string }) {
  const [value, setValue] = useState(props.initial ?? '');
  return <AnalysisPanel {...props} value={value} onChange={setValue} />;
}

/** A guard that finds "Mr Carter" (should be Ms) and "recieve", at the offsets of the text it gets. */
function guard() {
  return fakeApi(({ method, path, body }) => {
    if (path === '/clients') {
      return { status: 200, body: { items: [{ id: 'c1', name: 'Serenity Day Spas' }, { id: 'c2', name: 'Blue Harbor' }] } };
    }
    if (method === 'POST' && path === '/analyse') return { status: 200, body: emptyAnalysis() };
    if (method === 'POST' && path === '/check') {
      const text = body.text as string;
      const findings = [];
      const mr = text.indexOf('Mr Carter');
      if (mr >= 0) {
        findings.push({
          rule: 'honorific',
          severity: 'error',
          start: mr,
          end: mr + 9,
          message: 'Lynn Carter is addressed as Ms, not Mr.',
          suggestion: 'Write “Ms Carter”.',
          replacement: 'Ms Carter',
        });
      }
      const typo = text.indexOf('recieve');
      if (typo >= 0) {
        findings.push({
          rule: 'spelling',
          severity: 'warning',
          start: typo,
          end: typo + 7,
          message: '“recieve” may be misspelled.',
          suggestion: 'Did you mean “receive”?',
          replacement: 'receive',
        });
      }
      const attached = text.indexOf('see attached');
      if (attached >= 0 && body.attachments === 'unknown') {
        findings.push({
          rule: 'missing_attachment',
          severity: 'warning',
          start: attached + 4,
          end: attached + 12,
          message: 'The text mentions an attachment (“attached”). Did you mean to attach something?',
          suggestion: 'Attach the file, or remove the mention.',
        });
      }
      return { status: 200, body: { findings } };
    }
    return undefined;
  });
}

describe('apply all suggestions', () => {
  it('applies every replacement in one go, each on its own span, then checks again', async () => {
    guard();
    const user = userEvent.setup();
    renderWithApp(<Harness clientId="c1" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.click(box);
    await user.paste('Dear Mr Carter, you will recieve the proofs today.');
    await user.click(await screen.findByRole('button', { name: 'Apply all suggestions (2)' }));
    expect(box).toHaveValue('Dear Ms Carter, you will receive the proofs today.');
    expect(await screen.findByText('No findings: nothing to fix in this text.')).toBeInTheDocument();
  });

  it('keeps the first of two overlapping suggestions and refuses a text it was not computed for', () => {
    const text = 'Dear Mr Carter';
    const findings = [
      { rule: 'a', severity: 'error' as const, start: 5, end: 14, message: '', suggestion: '', replacement: 'Ms Carter' },
      { rule: 'b', severity: 'warning' as const, start: 8, end: 14, message: '', suggestion: '', replacement: 'Karter' },
    ];
    expect(applyAllReplacements(text, text, findings)).toEqual({ text: 'Dear Ms Carter', applied: 1 });
    expect(applyAllReplacements(`${text}!`, text, findings)).toBeNull();
  });
});

describe('dismissing a finding as intended', () => {
  it('drops it from the findings and the error count, remembers it for this message while editing, and can bring it back', async () => {
    guard();
    const seen: AnalysisStatus[] = [];
    const user = userEvent.setup();
    renderWithApp(<Harness clientId="c1" onFindings={(_f, status) => seen.push(status)} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.click(box);
    await user.paste('Dear Mr Carter, the proofs are ready.');
    expect(await screen.findByText('Lynn Carter is addressed as Ms, not Mr.')).toBeInTheDocument();
    await waitFor(() => expect(seen.at(-1)?.hasErrors).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Dismiss: “Mr Carter” is right here' }));
    expect(screen.queryByText('Lynn Carter is addressed as Ms, not Mr.')).not.toBeInTheDocument();
    expect(screen.getByText(/One finding dismissed as intended for this message/)).toBeInTheDocument();
    await waitFor(() => expect(seen.at(-1)?.hasErrors).toBe(false));
    expect(seen.at(-1)?.dismissed).toEqual([dismissalKey({ rule: 'honorific', start: 0, end: 9 }, 'Mr Carter')]);

    // Editing elsewhere moves the offsets; the same finding on the same words stays dismissed.
    await user.type(box, ' Thank you.');
    expect(await screen.findByText('No findings: nothing to fix in this text.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show it again' }));
    expect(await screen.findByText('Lynn Carter is addressed as Ms, not Mr.')).toBeInTheDocument();
  });
});

describe('Check a message page', () => {
  it('asks about "see attached" when Files attached is left empty, and sends 0 when 0 is typed', async () => {
    const { requests } = guard();
    const user = userEvent.setup();
    renderWithApp(<CheckPage />);
    const picker = await screen.findByRole('combobox', { name: /^Client/ });
    await user.type(picker, 'Seren{ArrowDown}{Enter}');
    await user.click(screen.getByRole('textbox', { name: 'Message' }));
    await user.paste('Please see attached.');
    expect(await screen.findByText(/Did you mean to attach something\?/)).toBeInTheDocument();
    const findings = screen.getByRole('list', { name: 'Findings' });
    expect(within(findings).getByText('Warning')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/check').at(-1)?.body.attachments).toBe('unknown');
    await user.type(screen.getByRole('textbox', { name: 'Files attached' }), '0');
    await waitFor(() => expect(requests.filter((r) => r.path === '/check').at(-1)?.body.attachments).toBe(0));
  });

  it('remembers the last client in this browser and copies the fixed text', async () => {
    guard();
    const user = userEvent.setup();
    const first = renderWithApp(<CheckPage />);
    const picker = await screen.findByRole('combobox', { name: /^Client/ });
    await user.type(picker, 'Blue{ArrowDown}{Enter}');
    expect(window.localStorage.getItem(LAST_CLIENT_KEY)).toBe('c2');
    first.unmount();

    renderWithApp(<CheckPage />);
    await waitFor(() => expect(screen.getByRole('combobox', { name: /^Client/ })).toHaveValue('Blue Harbor'));
    await user.click(screen.getByRole('textbox', { name: 'Message' }));
    await user.paste('Dear Mr Carter, your proofs are ready.');
    await user.click(await screen.findByRole('button', { name: 'Apply suggestion: replace “Mr Carter” with “Ms Carter”' }));
    await user.click(screen.getByRole('button', { name: 'Copy the text' }));
    expect(await navigator.clipboard.readText()).toBe('Dear Ms Carter, your proofs are ready.');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('forgets a remembered client that is no longer there', async () => {
    window.localStorage.setItem(LAST_CLIENT_KEY, 'gone');
    guard();
    renderWithApp(<CheckPage />);
    const picker = await screen.findByRole('combobox', { name: /^Client/ });
    expect(picker).toHaveValue('');
    expect(screen.getByText('Without a client only the apology analyser runs.')).toBeInTheDocument();
  });
});
