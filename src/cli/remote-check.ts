import type { Client, FindingDto } from '../shared/contract/index.ts';
import { MAX_CHECK_TEXT } from '../shared/contract/index.ts';
import { CliError } from './cli-error.ts';
import { RemoteApi, type RemoteCredentials } from './remote.ts';

/**
 * `makegood check --client NAME` against a remote makegood: finds the client by name and runs the
 * server's pre-send check (its guard, rules and lessons), so CI checks what the team's server
 * knows. A `read` token is enough (the check changes nothing).
 */
export async function checkRemotely(
  credentials: RemoteCredentials,
  clientName: string,
  text: string,
  options: { date?: string | undefined; attachments?: number | undefined },
): Promise<FindingDto[]> {
  if (text.length > MAX_CHECK_TEXT)
    throw new CliError(`the text is ${text.length} characters; the server checks at most ${MAX_CHECK_TEXT}`);
  const api = new RemoteApi(credentials);
  const wanted = clientName.trim().toLowerCase();
  const { items } = await api.request<{ items: Client[] }>(
    'GET',
    `/clients?q=${encodeURIComponent(clientName.trim())}`,
  );
  const client = items.find((c) => c.name.toLowerCase() === wanted);
  if (!client) throw new CliError(`unknown client "${clientName}" on ${credentials.url}`);
  const { findings } = await api.request<{ findings: FindingDto[] }>('POST', '/check', {
    clientId: client.id,
    text,
    ...(options.date !== undefined && { date: options.date }),
    ...(options.attachments !== undefined && { attachments: options.attachments }),
  });
  return findings;
}
