import { useState, type FormEvent } from 'react'
import {
  beyondSeniorPathLabels,
  beyondSeniorPaths,
  careerLevelLabels,
  careerLevels,
  type BeyondSeniorPath,
  type CareerLevel,
  type CareerProfile,
} from '../../../../shared/career/model'
import { catalogueSalaryBands } from '../../../../shared/career/catalogue'
import { CareerDashboardCard } from './CareerDashboardCard'
import { FieldError, fieldAria } from './FieldError'
import { useCareer } from './career-runtime'
import { profileOrDefault, type FieldProblem } from './career-store'

/** The overview: the dashboard card and the profile. */
export function OverviewSection({ onOpenCertifications }: { onOpenCertifications(): void }) {
  const restoreCount = useCareer((state) => state.restoreCount)
  return (
    <div className="career-overview">
      <CareerDashboardCard />
      <ProfileForm key={restoreCount} />
      <p>
        <button type="button" className="link-button" onClick={onOpenCertifications}>
          Manage certifications and continuing education
        </button>
      </p>
    </div>
  )
}

function stageFocus(level: CareerLevel): string {
  const stage = catalogueSalaryBands.stages.find((item) => item.id === level)
  return (stage?.focus ?? stage?.paths ?? []).join(', ')
}

function ProfileForm() {
  const stored = useCareer((state) => state.data.profile)
  const save = useCareer((state) => state.profileSave)
  const initial = profileOrDefault({
    profile: stored,
    certifications: [],
    educationEntries: [],
    salaries: [],
    skills: [],
    goals: [],
  })
  const [draft, setDraft] = useState({
    ...initial,
    years: String(initial.yearsOfExperience),
    targetDateText: initial.targetDate ?? '',
  })
  const [problem, setProblem] = useState<FieldProblem>(null)
  const [isSaved, setIsSaved] = useState(false)
  const errorId = 'career-profile-error'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setIsSaved(false)
    const yearsText = draft.years.trim()
    if (yearsText === '' || !/^\d+(\.\d+)?$/.test(yearsText)) {
      setProblem({
        field: 'yearsOfExperience',
        message: 'Years of experience must be a number from 0 to 60.',
      })
      return
    }
    const profile: CareerProfile = {
      id: 'me',
      currentRole: draft.currentRole.trim(),
      currentLevel: draft.currentLevel,
      currentPath: draft.currentLevel === 'beyond' ? draft.currentPath : null,
      targetRole: draft.targetRole.trim(),
      targetLevel: draft.targetLevel,
      targetPath: draft.targetLevel === 'beyond' ? draft.targetPath : null,
      targetDate: draft.targetDateText.trim() === '' ? null : draft.targetDateText.trim(),
      yearsOfExperience: Number(yearsText),
    }
    const result = await save(profile)
    setProblem(result)
    setIsSaved(result === null)
  }

  const levelSelect = (
    id: string,
    label: string,
    value: CareerLevel,
    onChange: (level: CareerLevel) => void,
  ) => (
    <div className="career-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value as CareerLevel)}
      >
        {careerLevels.map((level) => (
          <option key={level} value={level}>
            {careerLevelLabels[level]}
          </option>
        ))}
      </select>
      <span className="career-hint">{stageFocus(value)}</span>
    </div>
  )
  const pathSelect = (
    id: string,
    label: string,
    value: BeyondSeniorPath | null,
    onChange: (path: BeyondSeniorPath | null) => void,
  ) => (
    <div className="career-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(event) =>
          onChange(event.target.value === '' ? null : (event.target.value as BeyondSeniorPath))
        }
      >
        <option value="">Not chosen</option>
        {beyondSeniorPaths.map((path) => (
          <option key={path} value={path}>
            {beyondSeniorPathLabels[path]}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <form
      className="career-form"
      aria-labelledby="career-profile-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id="career-profile-heading">Profile</h2>
      <div className="career-grid">
        <div className="career-field">
          <label htmlFor="profile-current-role">Current role</label>
          <input
            id="profile-current-role"
            className="input"
            value={draft.currentRole}
            placeholder="e.g. Project coordinator"
            onChange={(event) => setDraft({ ...draft, currentRole: event.target.value })}
            {...fieldAria(problem, 'currentRole', errorId)}
          />
        </div>
        {levelSelect('profile-current-level', 'Current level', draft.currentLevel, (level) =>
          setDraft({ ...draft, currentLevel: level }),
        )}
        {draft.currentLevel === 'beyond' &&
          pathSelect('profile-current-path', 'Current path', draft.currentPath, (path) =>
            setDraft({ ...draft, currentPath: path }),
          )}
        <div className="career-field">
          <label htmlFor="profile-years">Years of experience</label>
          <input
            id="profile-years"
            className="input"
            inputMode="decimal"
            value={draft.years}
            onChange={(event) => setDraft({ ...draft, years: event.target.value })}
            {...fieldAria(problem, 'yearsOfExperience', errorId)}
          />
        </div>
        <div className="career-field">
          <label htmlFor="profile-target-role">Target role</label>
          <input
            id="profile-target-role"
            className="input"
            value={draft.targetRole}
            placeholder="e.g. Senior project manager"
            onChange={(event) => setDraft({ ...draft, targetRole: event.target.value })}
            {...fieldAria(problem, 'targetRole', errorId)}
          />
        </div>
        {levelSelect('profile-target-level', 'Target level', draft.targetLevel, (level) =>
          setDraft({ ...draft, targetLevel: level }),
        )}
        {draft.targetLevel === 'beyond' &&
          pathSelect('profile-target-path', 'Target path', draft.targetPath, (path) =>
            setDraft({ ...draft, targetPath: path }),
          )}
        <div className="career-field">
          <label htmlFor="profile-target-date">Target date</label>
          <input
            id="profile-target-date"
            type="date"
            className="input"
            value={draft.targetDateText}
            onChange={(event) => setDraft({ ...draft, targetDateText: event.target.value })}
            {...fieldAria(problem, 'targetDate', errorId)}
          />
        </div>
      </div>
      <FieldError id={errorId} problem={problem} />
      <div className="career-actions">
        <button type="submit" className="button button-primary">
          Save profile
        </button>
        {isSaved && (
          <span role="status" className="muted">
            Profile saved.
          </span>
        )}
      </div>
    </form>
  )
}
