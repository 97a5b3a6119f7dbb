// The field error is a shared UI part now (ui/FieldError.tsx); career's forms keep importing it from here.
export { FieldError, fieldAria } from '../../ui/FieldError'
