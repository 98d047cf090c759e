import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSignIn } from '../../app/session.tsx';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage, looksLikeEmail } from '../../lib/forms.ts';
import { AuthCard } from './auth-card.tsx';

/** Sign in with email and password. */
export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | undefined; password?: string | undefined }>({});
  const api = apiFieldErrors(signIn.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!looksLikeEmail(email)) found.email = 'Enter the email address you signed up with';
    if (!password) found.password = 'Enter your password';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Sign in to your makegood workspace.">
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setErrors((x) => ({ ...x, email: undefined }));
            }}
            error={errors.email ?? fieldMessage(api['email'])}
            required
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setErrors((x) => ({ ...x, password: undefined }));
            }}
            error={errors.password ?? fieldMessage(api['password'])}
            required
          />
          <FormError error={signIn.error} />
          <Button type="submit" loading={signIn.isPending} fullWidth size="md">
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" fz="sm" ta="center">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
