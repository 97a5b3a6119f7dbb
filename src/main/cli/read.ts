/**
 * What every command of the command line shares: where it writes, its arguments (parsed with `node:util`
 * `parseArgs`), and the one way it reads a plan file (the shared format pipeline, as the app's import does).
 */
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { dateLocalNow } from '../../shared/domain/dates'
import type { Plan } from '../../shared/domain/model'
import { formatsImport, type FormatKind } from '../../shared/formats/pipeline'
import { planFileMaxBytes } from '../../shared/formats/plan-file'
import { decodeText, readFileCapped } from '../files/safe-save'

/** Where a command writes; the real process by default, strings in tests. */
export type CliOutput = { stdout: (text: string) => void; stderr: (text: string) => void }

export const cliProcessOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

/** A message on one line (stderr failures are always one line). */
export function cliOneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Files at least this large report progress on stderr. */
export const cliProgressBytes = 5 * 1024 * 1024

type OptionKind = 'boolean' | 'string'

export type CliArgs<O extends Record<string, OptionKind>> = {
  files: string[]
  values: { [K in keyof O]?: O[K] extends 'boolean' ? boolean : string }
}

/**
 * Parses a command's arguments (after the command name) with `node:util` `parseArgs` in strict mode: `--name value`,
 * `--name=value` and boolean flags. Exactly one file is expected.
 * @returns the file and the option values, or one line saying what is wrong (with the usage)
 */
export function cliParseArgs<O extends Record<string, OptionKind>>(
  args: readonly string[],
  options: O,
  usage: string,
): { ok: true; file: string; values: CliArgs<O>['values'] } | { ok: false; message: string } {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }])),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    const message = error instanceof Error ? error.message : String(error)
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { ok: false, message: `unknown option ${option}; ${usage}` }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return { ok: false, message: /does not take/.test(message) ? `${option} takes no value; ${usage}` : `${option} needs a value; ${usage}` }
    }
    return { ok: false, message: `${cliOneLine(message)}; ${usage}` }
  }
  const files = parsed.positionals
  if (files.length !== 1) return { ok: false, message: files.length === 0 ? `no file given; ${usage}` : `give exactly one file; ${usage}` }
  return { ok: true, file: files[0] as string, values: parsed.values as CliArgs<O>['values'] }
}

export type CliReadResult = { ok: true; plan: Plan; warnings: string[]; kind: FormatKind } | { ok: false; message: string }

/**
 * Reads a plan from a file of any type Gantry reads (`.gantry`, Microsoft Project XML, a task CSV), found by the
 * pipeline's one sniffing (content first, then the extension). Anything but a regular file is refused before it is
 * opened (a named pipe would block the command forever). Reports progress through `onProgress` (0..1).
 * @returns the plan and the reader's warnings, or one line naming the file and what is wrong
 */
export async function cliReadPlan(path: string, onProgress?: (fraction: number) => void): Promise<CliReadResult> {
  const fileName = basename(path)
  let text: string
  try {
    text = decodeText(await readFileCapped(path, planFileMaxBytes), fileName, 'a plan')
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const read = formatsImport({
    text,
    fileName,
    kind: 'auto',
    planId: `cli-${Date.now().toString(36)}`,
    now: dateLocalNow(),
    onProgress: onProgress && ((fraction) => onProgress(fraction)),
  })
  return read.ok ? { ok: true, plan: read.plan, warnings: read.warnings, kind: read.kind } : { ok: false, message: `"${fileName}": ${read.detail}` }
}

/** A progress reporter that prints `label: 40 %` lines on stderr, at most one per 10 %. */
export function cliProgress(output: CliOutput, label: string): (fraction: number) => void {
  let last = -1
  return (fraction) => {
    const step = Math.floor(Math.max(0, Math.min(1, fraction)) * 10)
    if (step <= last) return
    last = step
    output.stderr(`${label}: ${step * 10} %\n`)
  }
}

/** Whether a file is large enough to report progress for (unknown sizes count as small). */
export async function cliIsLarge(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size >= cliProgressBytes
  } catch {
    return false
  }
}

/** Reads a plan, reporting progress on stderr for a large file. */
export async function cliReadPlanReporting(path: string, output: CliOutput): Promise<CliReadResult> {
  const isLarge = await cliIsLarge(path)
  return cliReadPlan(path, isLarge ? cliProgress(output, `reading ${basename(path)}`) : undefined)
}
