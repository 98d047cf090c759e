import { TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { describeWallClock, parseWallClock } from '../lib/dates.ts';

/** The text shown for a wall-clock value: "2026-03-03 17:00". */
function shown(value: string): string {
  return value.replace('T', ' ');
}

/**
 * One field for a date and time, typed naturally ("3 Mar 5pm", "tomorrow 9:30", "2026-03-03 17:00")
 * and read in `timeZone`: one Tab stop, not seven. `value` and `onChange` carry wall-clock input text
 * ("2026-03-03T17:00", what `inputToIso(value, timeZone)` turns into UTC), or the raw text while it is
 * not a date yet, so the form's own check refuses it. Under the field it says how it was read, with
 * the zone and its offset at that time (GMT or BST), so a daylight-saving change is never a surprise.
 */
export function DateTimeInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  timeZone: string;
  error?: ReactNode;
  required?: boolean;
  placeholder?: string;
  /** What the field is for, shown before how the typed text was read. */
  description?: string;
  /** Keyboard focus on mount. */
  autoFocus?: boolean;
  style?: CSSProperties;
  w?: number | string;
}) {
  const [state, setState] = useState(() => ({ text: shown(props.value), parsed: parseWallClock(props.value, props.timeZone) }));
  const { text, parsed } = state;
  // What this field last reported: a value set from outside (a reset, a default) replaces the text.
  const emitted = useRef<string | null>(null);
  useEffect(() => {
    if (props.value === emitted.current) return;
    emitted.current = props.value;
    setState({ text: shown(props.value), parsed: parseWallClock(props.value, props.timeZone) });
  }, [props.value, props.timeZone]);
  const reading = useMemo(() => (parsed ? describeWallClock(parsed, props.timeZone) : null), [parsed, props.timeZone]);
  const hint = text.trim()
    ? (reading ?? 'Not a date and time yet — try "3 Mar 17:00" or "tomorrow 9am"')
    : `Times are in ${props.timeZone}`;
  return (
    <TextInput
      label={props.label}
      value={text}
      placeholder={props.placeholder ?? 'e.g. 3 Mar 17:00, tomorrow 9am'}
      description={props.description ? `${props.description} · ${hint}` : hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={props.error}
      required={props.required}
      autoFocus={props.autoFocus}
      data-autofocus={props.autoFocus ? true : undefined}
      autoComplete="off"
      style={props.style}
      w={props.w}
      onChange={(e) => {
        const next = e.currentTarget.value;
        const nextParsed = parseWallClock(next, props.timeZone);
        setState({ text: next, parsed: nextParsed });
        const value = nextParsed ?? next.trim();
        emitted.current = value;
        props.onChange(value);
      }}
      onBlur={() => {
        if (parsed) setState({ text: shown(parsed), parsed });
      }}
    />
  );
}
