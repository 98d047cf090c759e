import { Text, Textarea, TextInput, VisuallyHidden, type TextareaProps, type TextInputProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';

// Text fields with their limit on the field: the browser stops typing at the limit (maxLength), and
// a counter under the field says how much is left, so a long title is never refused after the round trip.

/** "12 / 200" under a field; orange in the last tenth, and told to screen readers only near the end. */
export function CharacterCount({ length, max, id }: { length: number; max: number; id?: string }) {
  const near = length >= max * 0.9;
  return (
    <Text
      id={id}
      component="span"
      fz="xs"
      c={near ? 'orange.9' : 'dimmed'}
      style={{ display: 'block', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
      aria-live={near ? 'polite' : 'off'}
      data-testid="character-count"
    >
      {length.toLocaleString('en-US')} / {max.toLocaleString('en-US')}
      <VisuallyHidden component="span"> characters</VisuallyHidden>
    </Text>
  );
}

function describe(description: ReactNode, count: ReactNode): ReactNode {
  return description ? (
    <>
      {description}
      {count}
    </>
  ) : (
    count
  );
}

/** A TextInput that stops at `max` characters and shows the count under the field. */
export function CountedTextInput({ max, value, description, ...props }: TextInputProps & { max: number; value: string }) {
  const id = useId();
  return (
    <TextInput
      {...props}
      value={value}
      maxLength={max}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={describe(description, <CharacterCount length={value.length} max={max} id={id} />)}
    />
  );
}

/** A Textarea that stops at `max` characters and shows the count under the field. */
export function CountedTextarea({ max, value, description, ...props }: TextareaProps & { max: number; value: string }) {
  const id = useId();
  return (
    <Textarea
      {...props}
      value={value}
      maxLength={max}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={describe(description, <CharacterCount length={value.length} max={max} id={id} />)}
    />
  );
}
