import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.ts';

/** Reads the text to check: a file, or stdin for `-` or when no file is given and stdin is piped. */
export async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') {
    if (file === undefined && process.stdin.isTTY)
      throw new CliError('no input: give a FILE, or pipe the text in (use - for stdin)');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin)
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  return readTextFile(file, 'file');
}

/** Reads a UTF-8 file, turning "not found" and friends into a usage error that names it. */
export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : 'cannot be read';
    throw new CliError(`${what} ${file}: ${reason}`);
  }
}
