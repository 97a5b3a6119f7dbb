import { useState } from 'react'

/**
 * The text a field shows while it is edited: the stored value, and the user's typing until the field commits.
 * When the value changes from elsewhere (undo, redo, an edit in another view) the field shows the new value, so a
 * later blur cannot write stale text back over it. The reset happens during render (React's "adjusting state when
 * a prop changes"), so the stale text is never painted, not even for one frame.
 */
export function useDraft(value: string): [string, (text: string) => void] {
  const [text, setText] = useState(value)
  const [shownValue, setShownValue] = useState(value)
  if (shownValue !== value) {
    setShownValue(value)
    setText(value)
  }
  return [text, setText]
}
