import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { apiTokenPattern, type CurrentApiToken } from '../../shared/contract/index.ts';
import { CliError } from '../cli-error.ts';
import { readInput } from '../read-input.ts';
import { normaliseServerUrl, RemoteApi, removeRemoteCredentials, saveRemoteCredentials } from '../remote.ts';

/** `makegood login --url URL --token TOKEN` and `makegood logout`: the CLI's remote mode. */
export function registerLogin(program: Command): void {
  program
    .command('login')
    .description('Use a makegood server with an API token (checks it, then keeps URL and token for later commands)')
    .requiredOption('--url <url>', 'the server, e.g. https://makegood.example.com')
    .requiredOption('--token <token>', 'a personal API token from Settings → API tokens (- reads it from stdin)')
    .addHelpText(
      'after',
      `
The URL and token are kept in $XDG_CONFIG_HOME/makegood/credentials.json (else
~/.config/makegood/credentials.json), readable only by you. MAKEGOOD_URL and
MAKEGOOD_TOKEN in the environment win over the file (for CI).

Examples:
  makegood login --url https://makegood.example.com --token mg_pat_…
  echo "$TOKEN" | makegood login --url https://makegood.example.com --token -

Exit status: 0 signed in, 2 usage error, 4 token refused, 69 server unreachable.`,
    )
    .action(async (options: { url: string; token: string }) => {
      const config = loadConfig();
      const url = normaliseServerUrl(options.url);
      if (!url) throw new CliError(`--url must be an http:// or https:// URL (got "${options.url}")`);
      const token = (options.token === '-' ? await readInput('-') : options.token).trim();
      if (!apiTokenPattern.test(token))
        throw new CliError('--token must be a makegood API token (mg_pat_ and 43 characters)');
      const remote = new RemoteApi({ url, token });
      const me = await remote.request<CurrentApiToken>('GET', '/tokens/current');
      const file = await saveRemoteCredentials(config, { url, token });
      const scope = me.apiToken.scope === 'read' ? 'read only' : 'read and write';
      process.stdout.write(
        `Signed in to ${me.workspace.name} at ${url} as ${me.apiToken.user.name} (${me.role}; token "${me.apiToken.name}", ${scope}).\n` +
          `Saved to ${file}.\n`,
      );
    });

  program
    .command('logout')
    .description('Forget the server and token saved by `makegood login` (the token itself stays valid until revoked)')
    .action(async () => {
      const config = loadConfig();
      const removed = await removeRemoteCredentials(config);
      process.stdout.write(
        removed
          ? 'Signed out: the saved URL and token are removed. Revoke the token in Settings → API tokens if it is no longer needed.\n'
          : 'Not signed in: there were no saved credentials.\n',
      );
      if (config.remote) process.stdout.write('MAKEGOOD_URL and MAKEGOOD_TOKEN are still set in this environment.\n');
    });
}
