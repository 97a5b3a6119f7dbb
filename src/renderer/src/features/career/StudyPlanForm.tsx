import { useState, type FormEvent } from 'react'
import type { CertificationRecord } from '../../../../shared/career/model'
import { studyPlanBuild, type StudyPlanInput } from '../../../../shared/career/study-plan'
import { validateDay, validateOptionalDay } from '../../../../shared/career/validate'
import { useAppStoreApi } from '../../stores/app-store'
import { FieldError, fieldAria } from './FieldError'
import { localToday, type FieldProblem } from './career-store'

/**
 * Creates a Gantry plan for preparing the exam (milestones and weekly study tasks) through the app store, which
 * stores it like any other plan and opens it in the planning workspace.
 */
export function StudyPlanForm({ record, name }: { record: CertificationRecord; name: string }) {
  const app = useAppStoreApi()
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
    const application = validateOptionalDay(applicationOn, 'applicationOn', 'application date')
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
      <p className="career-hint">
        Creates a Gantry plan with milestones for the application, the booking and the exam day, and one study
        task per week from next Monday up to the exam, then opens it in the planning workspace.
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
