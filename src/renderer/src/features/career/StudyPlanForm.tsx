import { useState, type FormEvent } from 'react'
import type { CertificationRecord } from '../../../../shared/career/model'
import { studyPlanBuild, studyPlanStartText, type StudyPlanInput } from '../../../../shared/career/study-plan'
import { validateDay, validateOptionalDay } from '../../../../shared/career/validate'
import { useAppStore, useAppStoreApi } from '../../stores/app-store'
import { FieldError, fieldAria } from './FieldError'
import { useCareer } from './career-runtime'
import { localToday, type FieldProblem } from './career-store'

/**
 * Creates a Gantry plan for preparing the exam (milestones and weekly study tasks) through the app store, which
 * stores it like any other plan and opens it in the planning workspace; the certification keeps a link to it.
 * `examNeedsApplication` leaves out the application (field and milestone) for exams that need none.
 */
export function StudyPlanForm({
  record,
  name,
  examNeedsApplication,
}: {
  record: CertificationRecord
  name: string
  examNeedsApplication: boolean | null
}) {
  const app = useAppStoreApi()
  const linkStudyPlan = useCareer((state) => state.certificationLinkStudyPlan)
  const plans = useAppStore((state) => state.plans)
  const linked =
    record.studyPlanId === null ? null : (plans.find((plan) => plan.id === record.studyPlanId) ?? null)
  const hasApplication = examNeedsApplication !== false
  const [examOn, setExamOn] = useState(record.examOn ?? '')
  const [applicationOn, setApplicationOn] = useState(record.applicationOn ?? '')
  const [examBookedOn, setExamBookedOn] = useState(record.examBookedOn ?? '')
  const [hours, setHours] = useState('6')
  const [problem, setProblem] = useState<FieldProblem>(null)
  const [isBusy, setIsBusy] = useState(false)
  const errorId = `study-${record.id}-error`
  const aria = (field: string) => fieldAria(problem, field, errorId)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const exam = validateDay(examOn, 'examOn', 'exam date')
    if (!exam.ok) return setProblem(exam)
    const application = validateOptionalDay(
      hasApplication ? applicationOn : '',
      'applicationOn',
      'application date',
    )
    if (!application.ok) return setProblem(application)
    const booked = validateOptionalDay(examBookedOn, 'examBookedOn', 'booking date')
    if (!booked.ok) return setProblem(booked)
    if (!/^\d+(\.\d+)?$/.test(hours.trim()))
      return setProblem({ field: 'hours', message: 'Study hours per week must be a positive number.' })
    const today = localToday()
    const input: StudyPlanInput = {
      planId: 'check',
      now: `${today}T00:00:00`,
      certificationName: name,
      studyStart: today,
      applicationOn: application.value,
      examBookedOn: booked.value,
      examOn: exam.value,
      hoursPerWeek: Number(hours.trim()),
      examNeedsApplication,
    }
    // Check the dates before a plan is created, so a refusal leaves nothing behind.
    const check = studyPlanBuild(input)
    if (!check.ok) return setProblem({ field: 'examOn', message: check.message })
    setProblem(null)
    setIsBusy(true)
    try {
      const state = app.getState()
      const planId = await state.planCreate(check.plan.name)
      const document = app.getState().document
      if (planId === null || document === null || document.plan.id !== planId) {
        setProblem({ field: 'form', message: 'The study plan could not be created; see the message above.' })
        return
      }
      const built = studyPlanBuild({ ...input, planId, now: document.plan.createdAt })
      if (!built.ok) return setProblem({ field: 'examOn', message: built.message })
      app.getState().documentCommit({
        ...document.plan,
        start: built.plan.start,
        tasks: built.plan.tasks,
        dependencies: built.plan.dependencies,
      })
      await app.getState().documentFlush()
      await linkStudyPlan(record.id, planId)
      app.getState().viewSet('workspace')
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <form
      className="career-form career-form-inline"
      aria-labelledby={`study-${record.id}-heading`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h4 id={`study-${record.id}-heading`}>Study plan</h4>
      {linked !== null && (
        <p data-testid="study-plan-link">
          Your study plan:{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void app
                .getState()
                .documentOpen(linked.id)
                .then((isOpen) => {
                  if (isOpen) app.getState().viewSet('workspace')
                })
            }
          >
            Open “{linked.name}”
          </button>
        </p>
      )}
      <p className="career-hint">
        {linked === null ? 'Creates' : 'Or create another:'} a Gantry plan with milestones for{' '}
        {hasApplication ? 'the application, ' : ''}the booking and the exam day, and one study task per week
        (Monday to Friday) from {studyPlanStartText(localToday())} up to the exam, then opens it in the
        planning workspace.
      </p>
      <div className="career-grid">
        <div className="career-field">
          <label htmlFor={`study-${record.id}-exam`}>Exam day</label>
          <input
            id={`study-${record.id}-exam`}
            type="date"
            className="input"
            value={examOn}
            onChange={(event) => setExamOn(event.target.value)}
            {...aria('examOn')}
          />
        </div>
        {hasApplication && (
          <div className="career-field">
            <label htmlFor={`study-${record.id}-application`}>Application</label>
            <input
              id={`study-${record.id}-application`}
              type="date"
              className="input"
              value={applicationOn}
              onChange={(event) => setApplicationOn(event.target.value)}
              {...aria('applicationOn')}
            />
          </div>
        )}
        <div className="career-field">
          <label htmlFor={`study-${record.id}-booked`}>Exam booked</label>
          <input
            id={`study-${record.id}-booked`}
            type="date"
            className="input"
            value={examBookedOn}
            onChange={(event) => setExamBookedOn(event.target.value)}
            {...aria('examBookedOn')}
          />
        </div>
        <div className="career-field">
          <label htmlFor={`study-${record.id}-hours`}>Study hours per week</label>
          <input
            id={`study-${record.id}-hours`}
            className="input"
            inputMode="decimal"
            value={hours}
            onChange={(event) => setHours(event.target.value)}
            {...aria('hours')}
          />
        </div>
      </div>
      <FieldError id={errorId} problem={problem} />
      <div className="career-actions">
        <button type="submit" className="button button-primary" disabled={isBusy}>
          Create study plan
        </button>
      </div>
    </form>
  )
}
