import { useEffect, useState } from 'react'

/**
 * The text a field shows while it is edited: the stored value, and the user's typing until the field commits.
 * When the value changes from elsewhere (undo, redo, an edit in another view) the field shows the new value, so a
 * later blur cannot write stale text back over it.
 */
export function useDraft(value: string): [string, (text: string) => void] {
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  return [text, setText]
}
