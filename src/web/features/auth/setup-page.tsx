import { Button, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useSetup } from '../../app/session.tsx';
import { FormError } from '../../components/states.tsx';
import { browserTimeZone, timeZoneOptions } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage, looksLikeEmail } from '../../lib/forms.ts';
import { AuthCard } from './auth-card.tsx';

type Fields = 'workspaceName' | 'ownerName' | 'email' | 'password';

function validate(values: Record<Fields, string>): Partial<Record<Fields, string>> {
  const errors: Partial<Record<Fields, string>> = {};
  if (!values.workspaceName.trim()) errors.workspaceName = 'Name your workspace (your business or team)';
  if (!values.ownerName.trim()) errors.ownerName = 'Enter your name';
  if (!looksLikeEmail(values.email)) errors.email = 'Enter a valid email address';
  if (values.password.length < 10) errors.password = 'Use at least 10 characters';
  return errors;
}

/** First run: creates the workspace and its owner, then signs in. */
export function SetupPage() {
  const setup = useSetup();
  const [values, setValues] = useState<Record<Fields, string>>({
    workspaceName: '',
    ownerName: '',
    email: '',
    password: '',
  });
  // Guessed from the browser; every time in the app is shown and entered in it.
  const [timezone, setTimezone] = useState(browserTimeZone);
  const zones = useMemo(() => timeZoneOptions(), []);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const api = apiFieldErrors(setup.error);
  const error = (field: Fields) => errors[field] ?? fieldMessage(api[field]);
  const set = (field: Fields) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setup.mutate({
      workspaceName: values.workspaceName.trim(),
      ownerName: values.ownerName.trim(),
      email: values.email.trim(),
      password: values.password,
      timezone,
    });
  };

  return (
    <AuthCard
      title="Set up makegood"
      subtitle="Create your workspace. You will be its owner and can invite your team later."
    >
      <form onSubmit={submit} noValidate aria-label="Set up your workspace">
        <Stack gap="md">
          <TextInput
            label="Workspace name"
            placeholder="e.g. Northwind Studio"
            value={values.workspaceName}
            onChange={set('workspaceName')}
            error={error('workspaceName')}
            required
            data-autofocus
            autoFocus
          />
          <TextInput
            label="Your name"
            placeholder="e.g. Dana Reyes"
            autoComplete="name"
            value={values.ownerName}
            onChange={set('ownerName')}
            error={error('ownerName')}
            required
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            placeholder="you@yourcompany.com"
            value={values.email}
            onChange={set('email')}
            error={error('email')}
            required
          />
          <NativeSelect
            label="Time zone"
            description="Times are shown and entered in it; each member can choose their own later"
            data={zones.some((z) => z.value === timezone) ? zones : [{ value: timezone, label: timezone }, ...zones]}
            value={timezone}
            onChange={(e) => setTimezone(e.currentTarget.value)}
            error={fieldMessage(api['timezone'])}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={error('password')}
            required
          />
          <FormError error={setup.error} />
          <Button type="submit" loading={setup.isPending} fullWidth size="md">
            Create workspace
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
