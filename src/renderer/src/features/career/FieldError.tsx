import type { FieldProblem } from './career-store'

/** A form's validation message, announced at once (role=alert) and linked to its field by id. */
export function FieldError({ id, problem }: { id: string; problem: FieldProblem }) {
  if (problem === null) return null
  return (
    <p id={id} role="alert" className="career-field-error">
      {problem.message}
    </p>
  )
}

/** aria props of a field: marks it invalid and points at the message when the problem is about it. */
export function fieldAria(problem: FieldProblem, field: string, errorId: string) {
  const isInvalid = problem !== null && problem.field === field
  return { 'aria-invalid': isInvalid || undefined, 'aria-describedby': isInvalid ? errorId : undefined }
}
