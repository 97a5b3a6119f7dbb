/**
 * `npm run cli -- status <file> [--status-date YYYY-MM-DD] [--baseline 0-10] [--json]`: is the plan on track? Its
 * earned value at the status date against the chosen baseline (default the plan's own status date and its
 * `BaselineForEarnedValue`), with Microsoft Project's definitions (`shared/domain/cost`), and its finish against the
 * baseline's.
 *
 * With `--json` it prints exactly
 * `{"statusDate":"YYYY-MM-DDTHH:MM:SS","baseline":0,"method":"percent-complete","currency":"EUR","bac":…,"pv":…,"ev":…,
 * "ac":…,"sv":…,"cv":…,"spi":…,"cpi":…,"eac":…,"vac":…,"tcpi":…,"cost":…,"finish":"…","baselineFinish":"…"|null,
 * "finishVarianceMinutes":…|null,"finishVarianceDays":…|null}`: amounts in currency units rounded to cents, indexes to
 * four decimals, the finish variance in working minutes of the project calendar and in days of the plan's hours per
 * day (positive = later than the baseline; null when no task has a baseline finish). A day given as `--status-date`
 * means the end of that working day (the plan's default finish time), as Microsoft Project takes a status date.
 * Bad input: exit status 1 and one line on stderr.
 */
import { costCompute, earnedValueCompute, type PlanEarnedValue } from '../../../shared/domain/cost'
import { costFormatMoney } from '../../../shared/domain/cost'
import { dateClockText, dateFromWallMinutes, dateIsValidIsoDate, dateIsValidIsoDateTime, dateLocalNow, dateToDayNumber } from '../../../shared/domain/dates'
import { baselineNumbers, type BaselineNumber, type Plan } from '../../../shared/domain/model'
import { scheduleProblemsText, scheduleRun } from '../../../shared/domain/schedule'
import { cliOneLine, cliParseArgs, cliReadPlan, type CliOutput } from '../read'

export type StatusJson = {
  statusDate: string
  baseline: number
  method: string
  currency: string
  bac: number
  pv: number
  ev: number
  ac: number
  sv: number
  cv: number
  spi: number
  cpi: number
  eac: number
  vac: number
  tcpi: number
  cost: number
  finish: string
  baselineFinish: string | null
  finishVarianceMinutes: number | null
  finishVarianceDays: number | null
}

const usage = 'usage: npm run cli -- status <file.gantry|file.xml|file.csv> [--status-date YYYY-MM-DD] [--baseline 0-10] [--json]'

/** Status dates this far (in days) from the plan's start are refused: the calendars cover 100,000 days. */
const statusDateReachDays = 36_500

const cents = (value: number): number => Math.round(value * 100) / 100
const ratio = (value: number): number => Math.round(value * 10_000) / 10_000

/**
 * Reads a typed status date: `YYYY-MM-DD` (the end of that day's work, at the plan's default finish time) or
 * `YYYY-MM-DDTHH:MM[:SS]`; refuses other text and dates more than a century from the plan's start.
 */
export function statusDateParse(text: string, plan: Plan): { ok: true; date: string } | { ok: false; message: string } {
  const value = text.trim()
  // Read before the type guards below narrow `value` (both date types are strings).
  const length = value.length
  let date: string | null = null
  if (dateIsValidIsoDate(value)) date = `${value}T${dateClockText(Math.min(plan.settings.defaultFinishTime, 1439))}:00`
  else if (dateIsValidIsoDateTime(value)) date = length === 16 ? `${value}:00` : value
  if (date === null) return { ok: false, message: `--status-date "${value.slice(0, 40)}" is not a date written YYYY-MM-DD` }
  const days = dateToDayNumber(date.slice(0, 10)) - dateToDayNumber(plan.start.slice(0, 10))
  if (Math.abs(days) > statusDateReachDays)
    return { ok: false, message: `--status-date ${date.slice(0, 10)} is more than 100 years from the plan's start (${plan.start.slice(0, 10)})` }
  return { ok: true, date }
}

/** The status report of a plan in the command's JSON shape, or why it cannot be made. */
export function statusReport(
  plan: Plan,
  options: { statusDate: string; baselineNumber?: BaselineNumber },
): { ok: true; report: StatusJson; value: PlanEarnedValue } | { ok: false; message: string } {
  const result = scheduleRun(plan)
  if (!result.ok) return { ok: false, message: `the plan cannot be scheduled: ${scheduleProblemsText(result.problems)}` }
  const schedule = result.schedule
  const costs = costCompute(plan, schedule)
  const value = earnedValueCompute(plan, schedule, costs, { statusDate: options.statusDate, baselineNumber: options.baselineNumber })
  const figures = value.plan
  const variance = value.planFinishVariance
  return {
    ok: true,
    value,
    report: {
      statusDate: dateFromWallMinutes(value.statusDate),
      baseline: value.baselineNumber,
      method: value.method,
      currency: plan.settings.currencyCode,
      bac: cents(figures.bac),
      pv: cents(figures.pv),
      ev: cents(figures.ev),
      ac: cents(figures.ac),
      sv: cents(figures.sv),
      cv: cents(figures.cv),
      spi: ratio(figures.spi),
      cpi: ratio(figures.cpi),
      eac: cents(figures.eac),
      vac: cents(figures.vac),
      tcpi: ratio(figures.tcpi),
      cost: cents(figures.cost),
      finish: dateFromWallMinutes(schedule.projectFinish),
      baselineFinish: Number.isFinite(value.baselineFinish) ? dateFromWallMinutes(value.baselineFinish) : null,
      finishVarianceMinutes: Number.isFinite(variance) ? Math.round(variance * 1000) / 1000 : null,
      finishVarianceDays: Number.isFinite(variance) ? Math.round((variance / plan.settings.minutesPerDay) * 100) / 100 : null,
    },
  }
}

function text(report: StatusJson): string {
  const money = (value: number): string => costFormatMoney(value, report.currency)
  const name = report.baseline === 0 ? 'Baseline' : `Baseline ${report.baseline}`
  const lines: [string, string][] = [
    ['Status date', report.statusDate.replace('T', ' ').slice(0, 16)],
    ['Against', `${name} (earned value by ${report.method === 'percent-complete' ? '% complete' : 'physical % complete'})`],
    ['Budget at completion (BAC)', money(report.bac)],
    ['Planned value (PV, BCWS)', money(report.pv)],
    ['Earned value (EV, BCWP)', money(report.ev)],
    ['Actual cost (AC, ACWP)', money(report.ac)],
    ['Schedule variance (SV)', money(report.sv)],
    ['Cost variance (CV)', money(report.cv)],
    ['SPI', report.spi.toFixed(2)],
    ['CPI', report.cpi.toFixed(2)],
    ['Estimate at completion (EAC)', money(report.eac)],
    ['Variance at completion (VAC)', money(report.vac)],
    ['TCPI', report.tcpi.toFixed(2)],
    ['Finish', report.finish.replace('T', ' ').slice(0, 16)],
    [
      'Finish variance',
      report.finishVarianceDays === null || report.baselineFinish === null
        ? `no ${name.toLowerCase()} finish`
        : `${report.finishVarianceDays > 0 ? '+' : ''}${report.finishVarianceDays} d against ${report.baselineFinish.replace('T', ' ').slice(0, 16)}`,
    ],
  ]
  const width = lines.reduce((max, [label]) => Math.max(max, label.length), 0)
  return `${lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`
}

/**
 * Runs the command with its arguments (after the command name).
 * @returns the process exit status: 0 on success, 1 on bad input
 */
export async function statusCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`status: ${cliOneLine(message)}\n`)
    return 1
  }
  const parsed = cliParseArgs(args, { json: 'boolean', 'status-date': 'string', baseline: 'string' }, usage)
  if (!parsed.ok) return fail(parsed.message)
  let baselineNumber: BaselineNumber | undefined
  const baselineText = parsed.values.baseline
  if (baselineText !== undefined) {
    const found = baselineNumbers.find((number) => String(number) === baselineText.trim())
    if (found === undefined) return fail(`--baseline "${baselineText.slice(0, 20)}" is not a baseline number from 0 to 10; ${usage}`)
    baselineNumber = found
  }
  const read = await cliReadPlan(parsed.file)
  if (!read.ok) return fail(read.message)
  const plan = read.plan
  const typed = parsed.values['status-date']
  let statusDate = plan.statusDate ?? dateLocalNow()
  if (typed !== undefined) {
    const date = statusDateParse(typed, plan)
    if (!date.ok) return fail(date.message)
    statusDate = date.date
  }
  const result = statusReport(plan, { statusDate, baselineNumber })
  if (!result.ok) return fail(result.message)
  if (parsed.values.json === true) {
    output.stdout(`${JSON.stringify(result.report)}\n`)
    return 0
  }
  for (const warning of read.warnings) output.stderr(`warning: ${cliOneLine(warning)}\n`)
  output.stdout(text(result.report))
  return 0
}
