import type { Command } from 'commander';
import { type CommandSpec, type OptionSpec, describeCommands } from './command-tree.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const names = (o: OptionSpec) => [o.short, o.long].filter((n): n is string => n !== undefined);
const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bash(program: string, root: CommandSpec, commands: readonly CommandSpec[]): string {
  const words = (c: CommandSpec) => c.options.flatMap(names).join(' ');
  const valueCases: string[] = [];
  for (const c of [root, ...commands]) {
    const key = c === root ? '' : c.name;
    for (const o of c.options.filter((x) => x.takesValue)) {
      const pattern = names(o).map((n) => `"${key}:${n}"`).join('|');
      valueCases.push(`    ${pattern}) ${o.choices ? `COMPREPLY=($(compgen -W ${sq(o.choices.join(' '))} -- "$cur"))` : 'COMPREPLY=()'}; return ;;`);
    }
  }
  return `# bash completion for ${program}; generated from its option definitions by \`${program} completion bash\`.
# Install: ${program} completion bash > ~/.local/share/bash-completion/completions/${program}
_${program}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${commands.map((c) => c.name).join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  local words
  case "$cmd" in
    "") words=${sq(`${words(root)} ${commands.map((c) => c.name).join(' ')}`)} ;;
${commands.map((c) => `    ${c.name}) words=${sq(words(c))} ;;`).join('\n')}
  esac
  if [[ "$cur" == -* || -z "$cmd" ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); fi
}
complete -o default -F _${program} ${program}
`;
}

const zq = (text: string) => text.replace(/\\/g, '\\\\').replace(/\[/g, '\\[').replace(/]/g, '\\]').replace(/:/g, '\\:');

function zshSpecs(c: CommandSpec): string[] {
  return c.options.map((o) => {
    const flags = names(o);
    const value = o.takesValue ? `:${zq(o.term.split(' ').pop() ?? 'value')}:${o.choices ? `(${o.choices.join(' ')})` : o.isPath ? '_files' : ' '}` : '';
    const exclusive = flags.length > 1 ? `(${flags.join(' ')})` : '';
    const spec = (n: string) => sq(`${exclusive}${n}[${zq(o.description)}]${value}`);
    return flags.length > 1 ? `'${exclusive}'{${flags.join(',')}}${sq(`[${zq(o.description)}]${value}`)}` : spec(flags[0] ?? '');
  });
}

function zsh(program: string, root: CommandSpec, commands: readonly CommandSpec[]): string {
  const list = commands.map((c) => sq(`${c.name}:${c.description.replace(/:/g, '\\:')}`)).join(' ');
  return `#compdef ${program}
# zsh completion for ${program}; generated from its option definitions by \`${program} completion zsh\`.
# Install: ${program} completion zsh > "\${fpath[1]}/_${program}"  (or source it after compinit)
_${program}() {
  local -a commands=(${list})
  case "\${words[2]}" in
${commands
  .map((c) => `    ${c.name})\n      shift words; (( CURRENT-- ))\n      _arguments -s ${zshSpecs(c).join(' ')}${c.fileArguments ? " '*:file:_files'" : ''}\n      return ;;`)
  .join('\n')}
  esac
  _arguments -s ${zshSpecs(root).join(' ')} '1: :{_describe command commands}'
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then _${program} "$@"; else compdef _${program} ${program}; fi
`;
}

function fish(program: string, root: CommandSpec, commands: readonly CommandSpec[]): string {
  const lines = [`# fish completion for ${program}; generated from its option definitions by \`${program} completion fish\`.`, `# Install: ${program} completion fish > ~/.config/fish/completions/${program}.fish`, `complete -c ${program} -f`];
  const option = (o: OptionSpec, condition: string) => {
    const parts = [`complete -c ${program} -n ${sq(condition)}`];
    if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
    if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
    if (o.choices) parts.push(`-x -a ${sq(o.choices.join(' '))}`);
    else if (o.isPath) parts.push('-r -F');
    else if (o.takesValue) parts.push('-x');
    parts.push(`-d ${sq(o.description)}`);
    return parts.join(' ');
  };
  for (const c of commands) lines.push(`complete -c ${program} -n __fish_use_subcommand -a ${c.name} -d ${sq(c.description)}`);
  for (const o of root.options) lines.push(option(o, '__fish_use_subcommand'));
  for (const c of commands) {
    for (const o of c.options) lines.push(option(o, `__fish_seen_subcommand_from ${c.name}`));
    if (c.fileArguments) lines.push(`complete -c ${program} -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -F`);
  }
  return `${lines.join('\n')}\n`;
}

/** A completion script for a shell, generated from the same definitions as --help. */
export function renderCompletion(shell: Shell, program: Command): string {
  const { root, commands } = describeCommands(program);
  const render = { bash, zsh, fish } satisfies Record<Shell, unknown>;
  return render[shell](program.name(), root, commands);
}
