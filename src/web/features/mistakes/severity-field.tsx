import { Input, SegmentedControl } from '@mantine/core';
import type { Severity } from '../../../shared/contract/index.ts';
import { severityColors, severityOptions } from '../../lib/labels.ts';

/** Minor / major / critical as one segmented control, coloured like the severity badges. */
export function SeverityField(props: {
  value: Severity;
  onChange: (value: Severity) => void;
  error?: string | undefined;
}) {
  return (
    <Input.Wrapper label="Severity" error={props.error}>
      <SegmentedControl
        fullWidth
        aria-label="Severity"
        data={severityOptions}
        value={props.value}
        onChange={props.onChange}
        color={severityColors[props.value]}
      />
    </Input.Wrapper>
  );
}
