/**
 * A form's validation message: announced at once (role=alert) and linked to its field by id, so a screen reader
 * reads it with the field. A problem names the field it is about (`fieldAria` marks that field invalid).
 */
import './ui.css'

/** What is wrong with a form: the field and the sentence to show; `null` when nothing is. */
export type FieldProblem = { field: string; message: string } | null

export function FieldError({ id, problem }: { id: string; problem: FieldProblem }) {
  if (problem === null) return null
  return (
    <p id={id} role="alert" className="field-error">
      {problem.message}
    </p>
  )
}

/** The aria props of a field: marks it invalid and points at the message when the problem is about it. */
export function fieldAria(problem: FieldProblem, field: string, errorId: string) {
  const isInvalid = problem !== null && problem.field === field
  return { 'aria-invalid': isInvalid || undefined, 'aria-describedby': isInvalid ? errorId : undefined }
}
