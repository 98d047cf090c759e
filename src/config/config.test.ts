import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 and the embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('lists every bad key at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('reads the webhook address ranges and http setting, off by default, and names a bad range', () => {
    expect(loadConfig({})).toMatchObject({ webhookAllowPrivate: [], webhookAllowHttp: false });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.0/8, ::1/128', WEBHOOK_ALLOW_HTTP: 'yes' })).toMatchObject({
      webhookAllowPrivate: ['127.0.0.0/8', '::1/128'],
      webhookAllowHttp: true,
    });
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: '10.0.0.0/33' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });

  it('turns on secure cookies for an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://makegood.example.com' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });

  it('reads yes/no settings in the usual spellings and names a bad one', () => {
    expect(loadConfig({}).scheduler).toBe(true);
    for (const off of ['false', '0', 'off', 'NO', ' Off '])
      expect(loadConfig({ SCHEDULER: off }).scheduler).toBe(false);
    for (const on of ['true', '1', 'on', 'Yes']) expect(loadConfig({ SCHEDULER: on }).scheduler).toBe(true);
    expect(() => loadConfig({ SCHEDULER: 'sometimes' })).toThrow(/SCHEDULER/);
  });

  it('reads the CLI remote mode (MAKEGOOD_URL + MAKEGOOD_TOKEN, both or neither) and the config folder', () => {
    const token = `mg_pat_${'a'.repeat(43)}`;
    expect(loadConfig({}).remote).toBeUndefined();
    expect(loadConfig({ MAKEGOOD_URL: 'https://mg.example.com', MAKEGOOD_TOKEN: token }).remote).toEqual({
      url: 'https://mg.example.com',
      token,
    });
    expect(() => loadConfig({ MAKEGOOD_URL: 'https://mg.example.com' })).toThrow(/MAKEGOOD_TOKEN/);
    expect(() => loadConfig({ MAKEGOOD_TOKEN: token })).toThrow(/MAKEGOOD_URL/);
    expect(() => loadConfig({ MAKEGOOD_URL: 'ftp://mg.example.com', MAKEGOOD_TOKEN: token })).toThrow(/MAKEGOOD_URL/);
    expect(() => loadConfig({ MAKEGOOD_URL: 'https://mg.example.com', MAKEGOOD_TOKEN: 'secret' })).toThrow(
      /MAKEGOOD_TOKEN/,
    );
    expect(loadConfig({ XDG_CONFIG_HOME: '/tmp/xdg' }).configDir).toBe('/tmp/xdg/makegood');
    expect(loadConfig({ HOME: '/home/jo' }).configDir).toBe('/home/jo/.config/makegood');
  });

  it('syncs SQLite fully by default; normal only when asked, and names a bad value', () => {
    expect(loadConfig({}).sqliteSynchronous).toBe('full');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'Normal' }).sqliteSynchronous).toBe('normal');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'full' }).sqliteSynchronous).toBe('full');
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(/SQLITE_SYNCHRONOUS/);
  });
});
