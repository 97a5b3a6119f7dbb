/**
 * `npm run cli -- <command> ...`: the command-line entry point. A small dispatcher; each command lives in its own
 * module under `commands/` and exports `(args, output) => Promise<exit status>`. Modules are loaded on demand, so a
 * command only pays for what it imports (the xlsx writer, for example).
 *
 * Exit status: what the command returns (0 success, 1 bad input); 1 for an unknown command; 2 for a crash.
 */
import type { CliOutput } from './read'

type Command = (args: readonly string[], output: CliOutput) => Promise<number>

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  schedule: {
    summary: 'schedule <file> [--json]             schedule a .gantry plan, MSPDI .xml or CSV and print each task',
    load: async () => (await import('./commands/schedule')).scheduleCommand,
  },
  export: {
    summary: 'export <file> --to xlsx|mspdi|csv --out <path>',
    load: async () => (await import('./commands/export')).exportCommand,
  },
  import: {
    summary: 'import <file.xml|file.csv> --out <plan.gantry>',
    load: async () => (await import('./commands/import')).importCommand,
  },
  check: {
    summary: 'check <file>                         report cycles, dangling links and over-allocations',
    load: async () => (await import('./commands/check')).checkCommand,
  },
  overallocations: {
    summary: 'overallocations <file> [--json]      list over-allocated periods per resource',
    load: async () => (await import('./commands/overallocations')).overallocationsCommand,
  },
}

/** The usage text listing every command. */
export function cliUsage(): string {
  return `usage: npm run cli -- <command> [arguments]\n\ncommands:\n${Object.values(commands)
    .map((command) => `  ${command.summary}`)
    .join('\n')}\n\nnpm prints its own "> gantry cli" banner on stdout; use \`npm run -s cli -- ...\` when piping JSON.\n`
}

/**
 * Runs one command line (without the node and script arguments).
 * @returns the exit status
 */
export async function cliMain(argv: readonly string[], output: CliOutput): Promise<number> {
  const [name, ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    output.stdout(cliUsage())
    return 0
  }
  if (name === undefined) {
    output.stderr(`no command given; commands: ${Object.keys(commands).join(', ')} (npm run cli -- --help)\n`)
    return 1
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (command === undefined) {
    output.stderr(`unknown command "${name.replace(/\s+/g, ' ').slice(0, 60)}"; commands: ${Object.keys(commands).join(', ')}\n`)
    return 1
  }
  return (await command.load())(args, output)
}

const isEntryPoint = process.argv[1] !== undefined && /[\\/]cli[\\/]index\.[cm]?[jt]s$/.test(process.argv[1])
if (isEntryPoint) {
  const output: CliOutput = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }
  cliMain(process.argv.slice(2), output).then(
    (status) => {
      process.exitCode = status
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`internal error: ${message.replace(/\s+/g, ' ').trim()}\n`)
      process.exitCode = 2
    },
  )
}
