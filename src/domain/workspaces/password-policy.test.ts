import { describe, expect, it } from 'vitest';
import { passwordWeakness, requireStrongPassword } from './password-policy.ts';

describe('password policy (NIST 800-63B)', () => {
  it('refuses common, repetitive and sequential passwords and says why', () => {
    for (const weak of ['          ', 'aaaaaaaaaa', '1234567890', 'password12']) {
      expect(passwordWeakness(weak), JSON.stringify(weak)).toMatch(/\w/);
    }
    expect(passwordWeakness('aaaaaaaaaa')).toMatch(/Repeated characters/);
    expect(passwordWeakness('password12')).toMatch(/commonly used password/);
    expect(() => requireStrongPassword('1234567890')).toThrow(/password: /);
  });

  it('accepts a passphrase, and refuses one built from the user context', () => {
    expect(passwordWeakness('correct horse battery')).toBeNull();
    expect(passwordWeakness('quokka velvet lantern', [])).toBeNull();
    expect(passwordWeakness('quokka velvet lantern', ['quokka velvet lantern'])).not.toBeNull();
  });
});
