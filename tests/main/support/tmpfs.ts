import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Real small or read-only file systems for save tests. We run as root in CI, so `chmod 555` would not stop a
 * write; a tmpfs of a few hundred KB (ENOSPC) or one remounted read-only (EROFS) does. When mount is not
 * permitted, the test fails with this reason instead of passing.
 */
export function tmpfsMounter(): { mount(options: string): string; remountReadOnly(point: string): void; unmountAll(): void } {
  const points: string[] = []
  return {
    mount(options) {
      const point = mkdtempSync(join(tmpdir(), 'gantry-tmpfs-'))
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point], { stdio: 'pipe' })
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        throw new Error(
          `Cannot mount a tmpfs at ${point}: this test needs root (or CAP_SYS_ADMIN) to create a tiny or read-only file system. ${detail}`,
          { cause: error },
        )
      }
      points.push(point)
      return point
    },
    remountReadOnly(point) {
      execFileSync('mount', ['-o', 'remount,ro', point], { stdio: 'pipe' })
    },
    unmountAll() {
      for (const point of points.splice(0).reverse()) {
        try {
          execFileSync('umount', ['-l', point], { stdio: 'pipe' })
          rmSync(point, { recursive: true, force: true })
        } catch {
          // Left for the machine's cleanup.
        }
      }
    },
  }
}
