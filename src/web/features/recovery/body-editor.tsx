import { AnalysisPanel, type AnalysisStatus } from '../engines/analysis-panel.tsx';

/** The body of a message to a client, checked live by the apology analyser and the pre-send guard. */
export function BodyEditor(props: {
  value: string;
  onChange: (value: string) => void;
  clientId: string;
  mistakeId: string;
  kind: 'acknowledgment' | 'general';
  label: string;
  error?: string | undefined;
  /** Told whether the current text has error findings (sending would be refused). */
  onStatus?: (status: AnalysisStatus, errorCount: number) => void;
}) {
  return (
    <AnalysisPanel
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      clientId={props.clientId}
      mistakeId={props.mistakeId}
      kind={props.kind}
      showApology={props.kind === 'acknowledgment'}
      minRows={8}
      error={props.error}
      onFindings={(findings, status) => props.onStatus?.(status, findings.filter((f) => f.severity === 'error').length)}
    />
  );
}
