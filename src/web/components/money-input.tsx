import { Group, NativeSelect, TextInput } from '@mantine/core';
import { commonCurrencies } from '../lib/money.ts';

/** A decimal amount with its currency; the caller turns it into minor units with parseAmount. */
export function MoneyInput(props: {
  label: string;
  amount: string;
  currency: string;
  onAmountChange: (value: string) => void;
  onCurrencyChange: (value: string) => void;
  error?: string | undefined;
  description?: string;
  name?: string;
}) {
  const currencies = commonCurrencies.includes(props.currency)
    ? commonCurrencies
    : [props.currency, ...commonCurrencies];
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label={props.label}
        description={props.description}
        name={props.name}
        inputMode="decimal"
        placeholder="0.00"
        value={props.amount}
        onChange={(e) => props.onAmountChange(e.currentTarget.value)}
        error={props.error}
        style={{ flex: 1 }}
      />
      <NativeSelect
        label="Currency"
        description={props.description ? ' ' : undefined}
        data={currencies}
        value={props.currency}
        onChange={(e) => props.onCurrencyChange(e.currentTarget.value)}
        w={100}
      />
    </Group>
  );
}
