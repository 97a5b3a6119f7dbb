import { useState, type FormEvent } from 'react'
import { catalogueSalaryBands } from '../../../../shared/career/catalogue'
import {
  salaryBandRange,
  salaryGrowthPercent,
  salaryHistory,
  salaryPlace,
  salaryPlacementLabel,
} from '../../../../shared/career/salary'
import { FieldError, fieldAria } from './FieldError'
import { SalaryChart } from './SalaryChart'
import { useCareer } from './career-runtime'
import { localToday, type FieldProblem } from './career-store'
import { formatNumber } from './format'

/** Salary history, each salary placed in the market bands, and the chart. */
export function SalarySection() {
  const salaries = useCareer((state) => state.data.salaries)
  const add = useCareer((state) => state.salaryAdd)
  const remove = useCareer((state) => state.salaryDelete)
  const empty = {
    date: localToday(),
    amount: '',
    currency: catalogueSalaryBands.currency,
    role: '',
    note: '',
  }
  const [draft, setDraft] = useState(empty)
  const [problem, setProblem] = useState<FieldProblem>(null)
  const history = salaryHistory(salaries)
  const growth = salaryGrowthPercent(salaries)
  const errorId = 'salary-error'
  const aria = (field: string) => fieldAria(problem, field, errorId)
  const bands = catalogueSalaryBands

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = await add(draft)
    setProblem(result)
    if (result === null) setDraft({ ...empty, currency: draft.currency })
  }

  return (
    <div className="career-salary">
      <h2>Salary</h2>
      <SalaryChart salaries={history} bands={bands} />
      <p className="career-hint" data-testid="salary-bands-hint">
        Market bands for an {bands.role}, {bands.currency} per {bands.period}:{' '}
        {bands.bands.map((band) => `${band.label} ${salaryBandRange(band)}`).join(', ')}. A salary on a shared
        boundary belongs to the higher band. These are broad figures without a region or a date: treat them as
        a rough guide (the Catalogue tab says where they come from).
      </p>
      {growth !== null && (
        <p>
          Change since the first salary: {growth > 0 ? '+' : ''}
          {growth} %.
        </p>
      )}
      <form
        className="career-form"
        aria-label="Add a salary"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="career-grid">
          <div className="career-field">
            <label htmlFor="salary-date">Date</label>
            <input
              id="salary-date"
              type="date"
              className="input"
              value={draft.date}
              onChange={(event) => setDraft({ ...draft, date: event.target.value })}
              {...aria('date')}
            />
          </div>
          <div className="career-field">
            <label htmlFor="salary-amount">Yearly salary</label>
            <input
              id="salary-amount"
              className="input"
              inputMode="decimal"
              value={draft.amount}
              placeholder="e.g. 82,000"
              onChange={(event) => setDraft({ ...draft, amount: event.target.value })}
              {...aria('amount')}
            />
          </div>
          <div className="career-field">
            <label htmlFor="salary-currency">Currency</label>
            <input
              id="salary-currency"
              className="input"
              value={draft.currency}
              maxLength={3}
              onChange={(event) => setDraft({ ...draft, currency: event.target.value })}
              {...aria('currency')}
            />
          </div>
          <div className="career-field">
            <label htmlFor="salary-role">Role</label>
            <input
              id="salary-role"
              className="input"
              value={draft.role}
              onChange={(event) => setDraft({ ...draft, role: event.target.value })}
              {...aria('role')}
            />
          </div>
          <div className="career-field career-field-wide">
            <label htmlFor="salary-note">Note</label>
            <input
              id="salary-note"
              className="input"
              value={draft.note}
              onChange={(event) => setDraft({ ...draft, note: event.target.value })}
              {...aria('note')}
            />
          </div>
        </div>
        <FieldError id={errorId} problem={problem} />
        <div className="career-actions">
          <button type="submit" className="button button-primary">
            Add salary
          </button>
        </div>
      </form>
      {history.length > 0 && (
        <table className="plan-table career-table" aria-label="Salary history">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Salary</th>
              <th scope="col">Role</th>
              <th scope="col">Market band</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((salary) => (
              <tr key={salary.id}>
                <th scope="row">{salary.date}</th>
                <td>
                  {formatNumber(salary.amount)} {salary.currency}
                </td>
                <td>{salary.role}</td>
                <td>{salaryPlacementLabel(salaryPlace(salary.amount, salary.currency, bands), bands)}</td>
                <td>{salary.note}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    aria-label={`Delete salary of ${salary.date}`}
                    onClick={() => void remove(salary.id)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
