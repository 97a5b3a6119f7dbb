/**
 * The keyboard-shortcuts Help (F1, the Help menu, the navigation's "Keyboard shortcuts"): every key of the key
 * table (`shared/commands/keys.ts`) by where it works, so the list is what the keys do.
 */
import { keyActionLabel, keyBindings, keyChordText, keyScopes } from '../../../shared/commands/keys'
import { ConfirmDialog } from '../ui/ConfirmDialog'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

/** The shortcuts of one scope as the Help lists them: the keys' text and what they do. */
export function shortcutsRows(scope: (typeof keyScopes)[number]['scope'], isMacKeys: boolean): { keys: string; action: string }[] {
  return keyBindings
    .filter((binding) => binding.scope === scope)
    .map((binding) => ({
      keys: binding.keysText ?? binding.keys.map((chord) => keyChordText(chord, isMacKeys)).join(' or '),
      action: keyActionLabel(binding.action),
    }))
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ConfirmDialog title="Keyboard shortcuts" confirmLabel="Close" cancelLabel={null} isWide onConfirm={onClose} onCancel={onClose}>
      <div className="shortcuts">
        {keyScopes.map(({ scope, title, note }) => (
          <table key={scope} className="shortcuts-table">
            <caption>
              {title}
              {note !== undefined && <span className="shortcuts-note">{note}</span>}
            </caption>
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {shortcutsRows(scope, isMac).map((row) => (
                <tr key={`${row.keys}-${row.action}`}>
                  <td>
                    <kbd>{row.keys}</kbd>
                  </td>
                  <td>{row.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </ConfirmDialog>
  )
}
