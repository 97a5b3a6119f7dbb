import { useState, type FormEvent } from 'react'
import { careerSkills, type SkillAssessment, type SkillId } from '../../../../shared/career/model'
import { FieldError, fieldAria } from './FieldError'
import { useCareer } from './career-runtime'
import { localToday, type FieldProblem } from './career-store'
import { formatDaysFrom } from './format'

const levels = [1, 2, 3, 4, 5] as const
const levelNames = ['', 'novice', 'basic', 'competent', 'proficient', 'expert']
const groupLabels = { core: 'Core skills', tools: 'Tools', methods: 'Methods' } as const

/** Skills self-assessment with its chart, and goals. */
export function GrowthSection() {
  return (
    <div className="career-growth">
      <SkillsPanel />
      <GoalsPanel />
    </div>
  )
}

function assessmentOf(skills: SkillAssessment[], id: SkillId): SkillAssessment {
  return skills.find((skill) => skill.id === id) ?? { id, current: 1, target: 1 }
}

function SkillsPanel() {
  const skills = useCareer((state) => state.data.skills)
  const setSkill = useCareer((state) => state.skillSet)
  return (
    <section aria-labelledby="skills-heading" className="career-subsection">
      <h2 id="skills-heading">Skills</h2>
      <SkillsChart skills={skills} />
      <table className="plan-table career-table" aria-label="Skills self-assessment">
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Group</th>
            <th scope="col">Current level</th>
            <th scope="col">Target level</th>
          </tr>
        </thead>
        <tbody>
          {careerSkills.map((skill) => {
            const assessment = assessmentOf(skills, skill.id)
            return (
              <tr key={skill.id}>
                <th scope="row">{skill.label}</th>
                <td>{groupLabels[skill.group]}</td>
                {(['current', 'target'] as const).map((which) => (
                  <td key={which}>
                    <label className="visually-hidden" htmlFor={`skill-${skill.id}-${which}`}>
                      {skill.label} {which} level
                    </label>
                    <select
                      id={`skill-${skill.id}-${which}`}
                      className="input"
                      value={assessment[which]}
                      onChange={(event) =>
                        void setSkill({ ...assessment, [which]: Number(event.target.value) })
                      }
                    >
                      {levels.map((level) => (
                        <option key={level} value={level}>
                          {level} – {levelNames[level]}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

/** Current and target level per skill as horizontal bars (inline SVG): filled bar = current, tick = target. */
function SkillsChart({ skills }: { skills: SkillAssessment[] }) {
  const rowHeight = 22
  const left = 150
  const barWidth = 400
  const height = careerSkills.length * rowHeight + 30
  const x = (level: number) => left + (level / 5) * barWidth
  const description = careerSkills
    .map((skill) => {
      const assessment = assessmentOf(skills, skill.id)
      return `${skill.label}: current ${assessment.current}, target ${assessment.target}`
    })
    .join('; ')
  return (
    <svg
      className="career-chart"
      viewBox={`0 0 ${left + barWidth + 20} ${height}`}
      role="img"
      aria-labelledby="skills-chart-title skills-chart-desc"
    >
      <title id="skills-chart-title">Skills: current level against target level (1 to 5)</title>
      <desc id="skills-chart-desc">{description}</desc>
      {levels.map((level) => (
        <g key={level}>
          <line className="career-grid-line" x1={x(level)} x2={x(level)} y1={4} y2={height - 22} />
          <text className="career-chart-axis" x={x(level)} y={height - 8} textAnchor="middle">
            {level}
          </text>
        </g>
      ))}
      {careerSkills.map((skill, index) => {
        const assessment = assessmentOf(skills, skill.id)
        const top = 6 + index * rowHeight
        return (
          <g key={skill.id}>
            <text
              className="career-chart-label"
              x={left - 8}
              y={top + 8}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {skill.label}
            </text>
            <rect
              className="career-skill-target"
              x={left}
              y={top + 2}
              width={x(assessment.target) - left}
              height={12}
            />
            <rect
              className="career-skill-current"
              x={left}
              y={top + 2}
              width={x(assessment.current) - left}
              height={12}
            />
            <line
              className="career-skill-target-mark"
              x1={x(assessment.target)}
              x2={x(assessment.target)}
              y1={top}
              y2={top + 16}
            />
          </g>
        )
      })}
    </svg>
  )
}

function GoalsPanel() {
  const goals = useCareer((state) => state.data.goals)
  const add = useCareer((state) => state.goalAdd)
  const toggle = useCareer((state) => state.goalToggle)
  const remove = useCareer((state) => state.goalDelete)
  const [draft, setDraft] = useState({ title: '', dueOn: '' })
  const [problem, setProblem] = useState<FieldProblem>(null)
  const today = localToday()
  const sorted = [...goals].sort(
    (a, b) => Number(a.isDone) - Number(b.isDone) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  )
  const errorId = 'goal-error'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = await add(draft)
    setProblem(result)
    if (result === null) setDraft({ title: '', dueOn: '' })
  }

  return (
    <section aria-labelledby="goals-heading" className="career-subsection">
      <h2 id="goals-heading">Goals</h2>
      <form
        className="career-form career-form-inline"
        aria-label="Add a goal"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="career-grid">
          <div className="career-field career-field-wide">
            <label htmlFor="goal-title">Goal</label>
            <input
              id="goal-title"
              className="input"
              value={draft.title}
              placeholder="e.g. Lead a project with a budget over 1M"
              onChange={(event) => setDraft({ ...draft, title: event.target.value })}
              {...fieldAria(problem, 'title', errorId)}
            />
          </div>
          <div className="career-field">
            <label htmlFor="goal-due">Due date</label>
            <input
              id="goal-due"
              type="date"
              className="input"
              value={draft.dueOn}
              onChange={(event) => setDraft({ ...draft, dueOn: event.target.value })}
              {...fieldAria(problem, 'dueOn', errorId)}
            />
          </div>
        </div>
        <FieldError id={errorId} problem={problem} />
        <div className="career-actions">
          <button type="submit" className="button button-primary">
            Add goal
          </button>
        </div>
      </form>
      {sorted.length === 0 ? (
        <p className="muted">No goals yet.</p>
      ) : (
        <ul className="career-goals" aria-label="Goals">
          {sorted.map((goal) => (
            <li key={goal.id} className={goal.isDone ? 'is-done' : undefined}>
              <input
                id={`goal-${goal.id}-done`}
                type="checkbox"
                checked={goal.isDone}
                onChange={() => void toggle(goal.id)}
              />
              <label htmlFor={`goal-${goal.id}-done`}>{goal.title}</label>
              <span className="muted">
                {goal.isDone
                  ? ` done ${goal.doneOn ?? ''}`
                  : goal.dueOn === null
                    ? ' no due date'
                    : ` due ${goal.dueOn} (${formatDaysFrom(today, goal.dueOn)})`}
              </span>
              <button
                type="button"
                className="button button-small button-danger-quiet"
                aria-label={`Delete goal ${goal.title}`}
                onClick={() => void remove(goal.id)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
