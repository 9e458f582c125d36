/**
 * A bad option value, thrown by the argument parsers. It is commander's InvalidArgumentError in
 * all but name: commander recognises it by its code and prints "option '--date <YYYY-MM-DD>'
 * argument 'x' is invalid. <message>". It exists so that the parsers can be used without
 * loading commander: the default query parses a plain command line itself (simple-command-line.ts)
 * and hands anything it refuses, this error included, to commander for the message.
 */
export class InvalidArgumentError extends Error {
  readonly code = 'commander.invalidArgument';
  readonly exitCode = 1;
}
