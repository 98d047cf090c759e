import { Textarea } from '@mantine/core';
import type { FindingDto } from '../../../shared/contract/index.ts';

/** The body of a message to a client, checked live by the engines as it is written. */
export function BodyEditor(props: {
  value: string;
  onChange: (value: string) => void;
  clientId: string;
  mistakeId: string;
  kind?: 'acknowledgment';
  label: string;
  error?: string | undefined;
  onFindings?: (findings: FindingDto[]) => void;
}) {
  return (
    <Textarea
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      autosize
      minRows={8}
      maxRows={24}
    />
  );
}
