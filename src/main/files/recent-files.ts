import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import type { RecentFile } from '../../shared/ipc/contract'
import { safeSave } from './safe-save'

/** At most this many files in File ▸ Open Recent. */
export const recentFilesMax = 10
const recentFileName = 'recent-files.json'

const storedSchema = z.object({
  version: z.literal(1),
  entries: z
    .array(z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/), path: z.string().min(1).max(4096), openedAt: z.string().max(40) }))
    .max(100),
})
type StoredEntry = z.infer<typeof storedSchema>['entries'][number]

/**
 * The recent-files list, persisted in userData as JSON (written with safe save). The renderer sees ids,
 * names and folders; it reopens a file by id, never by path.
 */
export class RecentFiles {
  private entries: StoredEntry[] = []
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, recentFileName)
  }

  /** Loads the stored list; a missing or damaged file gives an empty list. */
  async load(): Promise<void> {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      this.entries = parsed.success ? parsed.data.entries.slice(0, recentFilesMax) : []
    } catch {
      this.entries = []
    }
  }

  list(): RecentFile[] {
    return this.entries.map((entry) => ({
      id: entry.id,
      fileName: basename(entry.path),
      folder: dirname(entry.path),
      openedAt: entry.openedAt,
    }))
  }

  pathOf(id: string): string | undefined {
    return this.entries.find((entry) => entry.id === id)?.path
  }

  /** The folders of the listed files (where orphaned temporary files are looked for at start). */
  folders(): string[] {
    return [...new Set(this.entries.map((entry) => dirname(entry.path)))]
  }

  /** Moves `path` to the top of the list (keeping its id) and saves the list. Returns its id. */
  async add(path: string, now: Date = new Date()): Promise<string> {
    const absolute = resolve(path)
    const existing = this.entries.find((entry) => entry.path === absolute)
    const id = existing?.id ?? randomBytes(16).toString('hex')
    this.entries = [{ id, path: absolute, openedAt: now.toISOString() }, ...this.entries.filter((entry) => entry.path !== absolute)].slice(
      0,
      recentFilesMax,
    )
    await this.persist()
    return id
  }

  async remove(id: string): Promise<void> {
    const before = this.entries.length
    this.entries = this.entries.filter((entry) => entry.id !== id)
    if (this.entries.length !== before) await this.persist()
  }

  private async persist(): Promise<void> {
    await safeSave(this.file, JSON.stringify({ version: 1, entries: this.entries }, null, 1), { keepBackup: false })
  }
}
