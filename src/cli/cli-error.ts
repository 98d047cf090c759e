/** A usage or input problem the CLI reports as one clear line on stderr, exiting with `exitCode` (2 = usage error). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
