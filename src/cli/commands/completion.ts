import { Argument } from 'commander';
import { EXIT } from '../../core/errors.js';
import { SHELLS, type Shell, renderCompletion } from '../completion-scripts.js';
import type { RegisterCommand } from './index.js';

/** `centenary completion bash|zsh|fish`: a completion script generated from the option definitions. */
export const registerCompletion: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      '\nInstall:\n  centenary completion bash > ~/.local/share/bash-completion/completions/centenary\n' +
        '  centenary completion zsh > "${fpath[1]}/_centenary"\n  centenary completion fish > ~/.config/fish/completions/centenary.fish',
    )
    .action((shell: Shell) => {
      io.stdout.write(renderCompletion(shell, program));
      setExitCode(EXIT.ok);
    });
};
