import { createHash } from 'node:crypto'
import { mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Plan } from '../../shared/domain/model'
import { planFileMaxBytes, planFileParse } from '../../shared/formats/plan-file'
import { formatsSerializePlan } from '../../shared/formats/pipeline'
import type { RecoveryCopy } from '../../shared/ipc/contract'
import { SafeSaveError, cleanupOrphans, decodeText, readFileCapped, safeSave } from './safe-save'

/**
 * Recovery copies of unsaved work: `userData/recovery/<planId>.gantry`, written with safe save while the
 * user edits, removed on a clean quit, and listed at the next start when the app did not quit cleanly.
 */
export class RecoveryStore {
  readonly folder: string

  constructor(userDataDir: string) {
    this.folder = join(userDataDir, 'recovery')
  }

  /** The file of a plan's recovery copy. Ids that are not plain names are hashed, so no id can escape the folder. */
  fileOf(planId: string): string {
    const safeName = /^[A-Za-z0-9_-]{1,100}$/.test(planId)
      ? planId
      : `id-${createHash('sha256').update(planId).digest('hex').slice(0, 40)}`
    return join(this.folder, `${safeName}.gantry`)
  }

  /** Writes the copy, after the check every writer runs: a plan that would make an unreadable file is refused. */
  async write(plan: Plan): Promise<void> {
    const text = formatsSerializePlan(plan)
    if (!text.ok) throw new SafeSaveError('invalid-input', text.message)
    await mkdir(this.folder, { recursive: true })
    await safeSave(this.fileOf(plan.id), text.value, { keepBackup: false })
  }

  /** The copies left in the folder, newest first; unreadable copies are skipped. */
  async list(): Promise<RecoveryCopy[]> {
    const copies: RecoveryCopy[] = []
    for (const name of await this.names()) {
      const path = join(this.folder, name)
      try {
        const plan = await this.readPath(path)
        const savedAt = (await stat(path)).mtime.toISOString()
        copies.push({ planId: plan.id, planName: plan.name, savedAt })
      } catch {
        // A damaged copy cannot be offered; it is left for the user to inspect.
      }
    }
    return copies.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
  }

  async read(planId: string): Promise<Plan> {
    return this.readPath(this.fileOf(planId))
  }

  async discard(planId: string): Promise<void> {
    try {
      await unlink(this.fileOf(planId))
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error
    }
  }

  /** Removes every copy (on a clean quit) and any temporary file a killed autosave left. */
  async clear(): Promise<void> {
    await cleanupOrphans(this.folder)
    for (const name of await this.names()) await unlink(join(this.folder, name)).catch(() => undefined)
  }

  private async names(): Promise<string[]> {
    try {
      return (await readdir(this.folder)).filter((name) => name.endsWith('.gantry') && !name.startsWith('.'))
    } catch {
      return []
    }
  }

  private async readPath(path: string): Promise<Plan> {
    const bytes = await readFileCapped(path, planFileMaxBytes)
    const parsed = planFileParse(decodeText(bytes, 'recovery copy', 'a Gantry plan'))
    if (!parsed.ok) throw new SafeSaveError('bad-file', `The recovery copy cannot be read. ${parsed.error.message}`)
    return parsed.plan
  }
}
