import { useMemo, useState } from 'react'
import {
  educationLogExportRows,
  educationLogFilter,
  educationLogFilterNone,
  educationLogFilterOptions,
  educationLogGroupings,
  educationLogRows,
  educationLogTotals,
  type EducationLogFilter,
  type EducationLogGrouping,
  type EducationLogTotal,
} from '../../../../shared/career/log'
import { useCareer } from './career-runtime'
import { formatNumber, formatUnits } from './format'

const groupingLabels: Record<EducationLogGrouping, string> = {
  year: 'Year',
  provider: 'Provider',
  category: 'Category',
  certification: 'Certification',
}

/** "42.5 PDUs, 10 SEUs": a total kept apart per unit. */
function totalText(units: EducationLogTotal['units']): string {
  return units.length === 0 ? '—' : units.map((item) => formatUnits(item.unitName, item.units)).join(', ')
}

/**
 * The whole education log, as a careful spreadsheet keeps it: every activity across certifications, filtered by
 * year, provider, category and certification, totalled by any of them, and exported (as filtered) to CSV or Excel.
 */
export function EducationLogSection() {
  const data = useCareer((state) => state.data)
  const exportLog = useCareer((state) => state.exportLog)
  const [filter, setFilter] = useState<EducationLogFilter>(educationLogFilterNone)
  const [grouping, setGrouping] = useState<EducationLogGrouping>('year')
  const [isBusy, setIsBusy] = useState(false)
  const rows = useMemo(() => educationLogRows(data), [data])
  const options = useMemo(() => educationLogFilterOptions(rows), [rows])
  const shown = useMemo(() => educationLogFilter(rows, filter), [rows, filter])
  const totals = useMemo(() => educationLogTotals(shown, grouping), [shown, grouping])
  const overall = useMemo(() => educationLogTotals(shown, 'certification').length, [shown])
  const sum = useMemo(() => {
    const byUnit = new Map<string | null, number>()
    for (const row of shown) byUnit.set(row.unitName, (byUnit.get(row.unitName) ?? 0) + row.units)
    return [...byUnit].map(([unitName, units]) => ({ unitName, units }))
  }, [shown])
  const isFiltered = Object.values(filter).some((value) => value !== null)
  const run = async (format: 'csv' | 'xlsx') => {
    setIsBusy(true)
    try {
      await exportLog(format, educationLogExportRows(shown))
    } finally {
      setIsBusy(false)
    }
  }
  const select = (
    id: string,
    label: string,
    value: string,
    choices: { value: string; label: string }[],
    onChange: (value: string) => void,
  ) => (
    <div className="career-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <div className="career-log">
      <h2>Education log</h2>
      {rows.length === 0 ? (
        <p className="empty">
          Nothing logged yet. Log activities under a certification on the Certifications tab; they all show
          here.
        </p>
      ) : (
        <>
          <form
            className="career-form"
            aria-label="Filter the log"
            onSubmit={(event) => event.preventDefault()}
          >
            <div className="career-grid">
              {select(
                'log-filter-year',
                'Year',
                filter.year === null ? '' : String(filter.year),
                options.years.map((year) => ({ value: String(year), label: String(year) })),
                (value) => setFilter({ ...filter, year: value === '' ? null : Number(value) }),
              )}
              {select(
                'log-filter-provider',
                'Provider',
                filter.provider ?? '',
                options.providers.map((provider) => ({ value: provider, label: provider })),
                (value) => setFilter({ ...filter, provider: value === '' ? null : value }),
              )}
              {select(
                'log-filter-category',
                'Category',
                filter.category ?? '',
                options.categories.map((category) => ({ value: category, label: category })),
                (value) => setFilter({ ...filter, category: value === '' ? null : value }),
              )}
              {select(
                'log-filter-certification',
                'Certification',
                filter.certificationId ?? '',
                options.certifications.map((item) => ({ value: item.id, label: item.name })),
                (value) => setFilter({ ...filter, certificationId: value === '' ? null : value }),
              )}
            </div>
            <div className="career-actions">
              <button
                type="button"
                className="button button-small"
                disabled={!isFiltered}
                onClick={() => setFilter(educationLogFilterNone)}
              >
                Clear filters
              </button>
              <span role="status" className="muted" data-testid="log-total">
                {shown.length} {shown.length === 1 ? 'activity' : 'activities'}
                {isFiltered ? ` of ${rows.length}` : ''}: {totalText(sum)}
                {overall > 1 && filter.certificationId === null ? ` for ${overall} certifications` : ''}.
              </span>
            </div>
          </form>
          <section className="career-subsection" aria-labelledby="log-totals-heading">
            <div className="career-detail-header">
              <h3 id="log-totals-heading">Totals</h3>
              <div className="career-field career-field-inline">
                <label htmlFor="log-totals-by">Totals by</label>
                <select
                  id="log-totals-by"
                  className="input"
                  value={grouping}
                  onChange={(event) => {
                    const next = educationLogGroupings.find((item) => item === event.target.value)
                    if (next !== undefined) setGrouping(next)
                  }}
                >
                  {educationLogGroupings.map((item) => (
                    <option key={item} value={item}>
                      {groupingLabels[item]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <table
              className="plan-table career-table"
              aria-label={`Totals by ${groupingLabels[grouping].toLowerCase()}`}
            >
              <thead>
                <tr>
                  <th scope="col">{groupingLabels[grouping]}</th>
                  <th scope="col">Activities</th>
                  <th scope="col">Units</th>
                </tr>
              </thead>
              <tbody>
                {totals.map((total) => (
                  <tr key={total.key}>
                    <th scope="row" className="career-text">
                      {total.label}
                    </th>
                    <td>{total.activities}</td>
                    <td>{totalText(total.units)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {grouping === 'certification' && (
              <p className="career-hint">
                An activity that counts toward several certifications is counted under each of them.
              </p>
            )}
          </section>
          <div className="career-actions">
            <button type="button" className="button" disabled={isBusy} onClick={() => void run('csv')}>
              Export to CSV…
            </button>
            <button type="button" className="button" disabled={isBusy} onClick={() => void run('xlsx')}>
              Export to Excel…
            </button>
            <span className="career-hint">Exports the activities shown, one line per category.</span>
          </div>
          <div className="career-table-scroll">
            <table className="plan-table career-table career-log-table" aria-label="Education log">
              <colgroup>
                <col className="career-col-date" />
                <col className="career-col-main" />
                <col />
                <col />
                <col />
                <col className="career-col-number" />
                <col />
                <col />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Activity</th>
                  <th scope="col">Type</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Categories</th>
                  <th scope="col">Units</th>
                  <th scope="col">Counts toward</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.entry.id}>
                    <td className="career-nowrap">{row.entry.date}</td>
                    <th scope="row" className="career-text">
                      {row.entry.activity}
                    </th>
                    <td className="career-text">{row.entry.activityType}</td>
                    <td className="career-text">{row.entry.provider}</td>
                    <td className="career-text">
                      {row.parts.map((part) => (
                        <div key={part.category}>
                          {part.category}
                          {row.parts.length > 1 || row.entry.parts.length > 1
                            ? `: ${formatNumber(part.units)}`
                            : ''}
                        </div>
                      ))}
                    </td>
                    <td className="career-nowrap">{formatUnits(row.unitName, row.units)}</td>
                    <td className="career-text">{row.certifications.map((item) => item.name).join(', ')}</td>
                    <td className="career-text career-long">{row.entry.evidence}</td>
                    <td className="career-text career-long">{row.entry.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}
