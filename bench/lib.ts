/**
 * Benchmark helpers: warm up, time several runs, print one JSON line per measurement, e.g.
 * `{"bench":"schedule.full","tasks":10000,"medianMs":8.1,"minMs":7.9,"maxMs":9.4,"runs":15,"cpuMedianMs":7.8}`.
 */
import { performance } from 'node:perf_hooks'
import process from 'node:process'

export type BenchOptions = {
  /** Name printed in the `bench` field, e.g. `schedule.full`. */
  bench: string
  /** Extra fields printed with the result (e.g. `{ tasks: 10000 }`). */
  fields?: Record<string, string | number | boolean>
  /** Untimed runs before measuring (default 3). */
  warmup?: number
  /** Timed runs (default 15). */
  runs?: number
  /** Called before each run, outside the timing (e.g. to undo an edit). */
  setup?: () => void
}

export type BenchResult = {
  bench: string
  medianMs: number
  minMs: number
  maxMs: number
  runs: number
  [field: string]: string | number | boolean
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** The median of a list of numbers (mean of the two middle values for even lengths). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/**
 * Runs `body` `warmup` times untimed, then `runs` times timed, prints one JSON line and returns it.
 * The body may be async; its result is kept in a sink so the work cannot be optimised away.
 */
export async function bench(options: BenchOptions, body: () => unknown): Promise<BenchResult> {
  const warmup = options.warmup ?? 3
  const runs = options.runs ?? 15
  const sink: unknown[] = []
  for (let index = 0; index < warmup; index++) {
    options.setup?.()
    sink[index % 4] = await body()
  }
  const times: number[] = []
  const cpuTimes: number[] = []
  for (let index = 0; index < runs; index++) {
    options.setup?.()
    const cpuStarted = process.cpuUsage()
    const started = performance.now()
    sink[index % 4] = await body()
    times.push(performance.now() - started)
    const cpu = process.cpuUsage(cpuStarted)
    cpuTimes.push((cpu.user + cpu.system) / 1000)
  }
  const result: BenchResult = {
    bench: options.bench,
    ...(options.fields ?? {}),
    medianMs: round(median(times)),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    runs,
    // Process CPU time per run: on a shared, overloaded machine this stays close to the idle wall time while the
    // wall-clock figures include the time spent waiting for a core.
    cpuMedianMs: round(median(cpuTimes)),
  }
  console.log(JSON.stringify(result))
  if (sink.length < 0) console.log(sink)
  return result
}
