import type { MainDeps, MainDialog, OpenDialogOptions, SaveDialogOptions } from '../../../src/main/ipc'
import { appUrlIsOwn } from '../../../src/main/app-protocol'
import type { ProgressEvent } from '../../../src/shared/ipc/contract'

/** The sender of every legitimate request in tests: the app's own page. */
export const appFrame = { senderFrame: { url: 'app://gantry/index.html' } }
export const foreignFrame = { senderFrame: { url: 'https://evil.example/index.html' } }

/**
 * A scripted dialog: each call takes the next answer from its queue (a path, or null for Cancel) and
 * records the options it was shown with.
 */
export type ScriptedDialog = MainDialog & {
  openAnswers: Array<string | null>
  saveAnswers: Array<string | null>
  openCalls: OpenDialogOptions[]
  saveCalls: SaveDialogOptions[]
}

export function scriptedDialog(): ScriptedDialog {
  const scripted: ScriptedDialog = {
    openAnswers: [],
    saveAnswers: [],
    openCalls: [],
    saveCalls: [],
    async showOpenDialog(options) {
      scripted.openCalls.push(options)
      const answer = scripted.openAnswers.shift()
      if (answer === undefined) throw new Error('the test did not script an answer for this open dialog')
      return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] }
    },
    async showSaveDialog(options) {
      scripted.saveCalls.push(options)
      const answer = scripted.saveAnswers.shift()
      if (answer === undefined) throw new Error('the test did not script an answer for this save dialog')
      return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer }
    },
    async showMessageBox() {
      return { response: 0 }
    },
  }
  return scripted
}

export type TestDeps = MainDeps & {
  dialog: ScriptedDialog
  titles: Array<{ title: string; isDirty: boolean }>
  progress: ProgressEvent[]
}

export function testDeps(userDataDir: string, overrides: Partial<MainDeps> = {}): TestDeps {
  const titles: TestDeps['titles'] = []
  const progress: ProgressEvent[] = []
  return {
    dialog: scriptedDialog(),
    userDataDir,
    appVersion: '0.1.0-test',
    isAppUrl: (url) => appUrlIsOwn(url),
    setTitle: (title, isDirty) => titles.push({ title, isDirty }),
    sendProgress: (event) => progress.push(event),
    // A stand-in printer (the real one needs Electron's window; print-pdf.test.ts tests it with a fake window).
    printPdf: async () => new TextEncoder().encode('%PDF-1.7\n%stand-in\n%%EOF\n'),
    titles,
    progress,
    ...overrides,
  } as TestDeps
}
