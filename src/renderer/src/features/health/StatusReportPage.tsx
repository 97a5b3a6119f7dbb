/**
 * One status report as a page (screen and print): overall and per-dimension RAG with the trend against the previous
 * report, budget, milestones, done this period, planned next, top risks and issues, decisions and commentary.
 */
import { costFormatMoney } from '../../../../shared/domain/cost'
import { dateWallText, dateToWallMinutes } from '../../../../shared/domain/dates'
import type { StatusReport } from '../../../../shared/domain/health/model'
import { statusReportTrends } from '../../../../shared/domain/health/report'
import { healthDimensionNames, healthRagNames, healthTrendNames } from '../../../../shared/domain/health/rules'

const day = (iso: string) => dateWallText(dateToWallMinutes(iso), 'day')

export function RagBadge({ rag }: { rag: StatusReport['overall'] }) {
  return <span className={`rag rag-${rag}`}>{healthRagNames[rag]}</span>
}

export function StatusReportPage({ planName, report, previous }: { planName: string; report: StatusReport; previous: StatusReport | null }) {
  const trends = statusReportTrends(report, previous)
  const money = (amount: number | null) => (amount === null ? '—' : costFormatMoney(amount, report.budget.currencyCode))
  const decisions = report.decisions.split('\n').map((line) => line.trim()).filter((line) => line !== '')
  return (
    <article className="status-report-page" aria-label={`Status report of ${day(report.statusDate)}`}>
      <header className="sr-header">
        <h2>
          {planName}: status report
        </h2>
        <p>
          Status date <strong>{day(report.statusDate)}</strong>
          {report.periodStart === null ? ', first report' : `, period since ${day(report.periodStart)}`}. Against{' '}
          {report.baselineNumber === 0 ? 'Baseline' : `Baseline ${report.baselineNumber}`}.
        </p>
      </header>
      <section className="sr-rag" aria-label="Health">
        <table>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Rating</th>
              <th scope="col">Trend</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <tr className="sr-overall">
              <th scope="row">Overall</th>
              <td>
                <RagBadge rag={report.overall} />
              </td>
              <td>{healthTrendNames[trends.overall]}</td>
              <td>The worst of the dimensions.</td>
            </tr>
            {report.dimensions.map((dimension, index) => (
              <tr key={dimension.key}>
                <th scope="row">{healthDimensionNames[dimension.key]}</th>
                <td>
                  <RagBadge rag={dimension.rag} />
                </td>
                <td>{healthTrendNames[trends.dimensions[index] ?? 'new']}</td>
                <td>{dimension.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="sr-budget" aria-label="Budget">
        <h3>Budget</h3>
        <p>
          Budget {money(report.budget.budget)} · Actual {money(report.budget.actual)} · Forecast {money(report.budget.forecast)} · Variance{' '}
          {money(report.budget.variance)}
        </p>
      </section>
      <div className="sr-columns">
        <section aria-label="Done this period">
          <h3>Done this period</h3>
          {report.done.length === 0 ? <p className="sr-none">No task finished in the period.</p> : (
            <ul>
              {report.done.map((line) => (
                <li key={line.taskId}>
                  {line.name} <span className="sr-muted">finished {day(line.finish)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Planned next period">
          <h3>Planned next period</h3>
          {report.planned.length === 0 ? <p className="sr-none">Nothing scheduled.</p> : (
            <ul>
              {report.planned.map((line) => (
                <li key={line.taskId}>
                  {line.name} <span className="sr-muted">{day(line.start)} – {day(line.finish)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-label="Milestones">
        <h3>Milestones</h3>
        {report.milestones.length === 0 ? <p className="sr-none">No milestones.</p> : (
          <table className="sr-table">
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Baseline</th>
                <th scope="col">Forecast</th>
                <th scope="col">Variance</th>
              </tr>
            </thead>
            <tbody>
              {report.milestones.map((line) => (
                <tr key={line.taskId}>
                  <td>{line.name}{line.isDone ? ' (done)' : ''}</td>
                  <td>{line.baselineFinish === null ? '—' : day(line.baselineFinish)}</td>
                  <td>{day(line.forecastFinish)}</td>
                  <td>{line.varianceDays === null ? '—' : `${line.varianceDays > 0 ? '+' : ''}${line.varianceDays} d`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Top risks and issues">
        <h3>Top risks and issues</h3>
        {report.risks.length === 0 ? <p className="sr-none">No open risk or issue.</p> : (
          <ul>
            {report.risks.map((line) => (
              <li key={line.raidId}>
                <strong>{line.code}</strong> {line.title} <span className="sr-muted">({line.rating}{line.owner === '' ? '' : `, ${line.owner}`})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Decisions needed">
        <h3>Decisions needed</h3>
        {decisions.length === 0 ? <p className="sr-none">None.</p> : (
          <ul>
            {decisions.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Commentary">
        <h3>Commentary</h3>
        <p className="sr-commentary">{report.commentary === '' ? '—' : report.commentary}</p>
      </section>
      <footer className="sr-footer">Saved {report.savedAt.slice(0, 16).replace('T', ' ')} · Gantry</footer>
    </article>
  )
}
