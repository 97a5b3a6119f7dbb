import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  SafeSaveError,
  cleanupOrphans,
  readFileCapped,
  realSafeSaveFs,
  safeSave,
  safeSaveTempPattern,
  type SafeSaveFileHandle,
  type SafeSaveFs,
} from '../../src/main/files/safe-save'
import { tmpfsMounter } from './support/tmpfs'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'gantry-safe-save-'))
})
afterEach(() => {
  rmSync(folder, { recursive: true, force: true })
})

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => safeSaveTempPattern.test(name))
}

async function saveError(promise: Promise<unknown>): Promise<SafeSaveError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(SafeSaveError)
    return error as SafeSaveError
  }
  throw new Error('the save was expected to fail')
}

describe('safeSave on a normal folder', () => {
  it('creates a new file with exactly the bytes given', async () => {
    const target = join(folder, 'plan.gantry')
    await safeSave(target, 'hello')
    expect(readFileSync(target, 'utf8')).toBe('hello')
    expect(existsSync(`${target}.bak`)).toBe(false)
    expect(tempFilesIn(folder)).toEqual([])
  })

  it('replaces an existing file and keeps the previous version as .bak', async () => {
    const target = join(folder, 'plan.gantry')
    await safeSave(target, 'version 1')
    await safeSave(target, 'version 2')
    await safeSave(target, 'version 3')
    expect(readFileSync(target, 'utf8')).toBe('version 3')
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('version 2')
    expect(tempFilesIn(folder)).toEqual([])
  })

  it('writes binary data and large data unchanged', async () => {
    const target = join(folder, 'big.bin')
    const data = new Uint8Array(5 * 1024 * 1024).map((_, index) => (index * 7919) % 256)
    await safeSave(target, data)
    expect(Buffer.compare(readFileSync(target), Buffer.from(data))).toBe(0)
  })

  it('keeps the file mode of the file it replaces', async () => {
    const target = join(folder, 'mode.txt')
    writeFileSync(target, 'old', { mode: 0o600 })
    await fsp.chmod(target, 0o600)
    await safeSave(target, 'new')
    expect((await fsp.stat(target)).mode & 0o777).toBe(0o600)
  })

  it('saves through a symbolic link into the file it points to', async () => {
    mkdirSync(join(folder, 'real'))
    const real = join(folder, 'real', 'plan.gantry')
    writeFileSync(real, 'old')
    await fsp.symlink(real, join(folder, 'link.gantry'))
    await safeSave(join(folder, 'link.gantry'), 'new')
    expect((await fsp.lstat(join(folder, 'link.gantry'))).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toBe('new')
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('old')
  })

  it('refuses to replace a folder', async () => {
    const target = join(folder, 'a-folder')
    mkdirSync(target)
    const error = await saveError(safeSave(target, 'x'))
    expect(error.code).toBe('io')
    expect(error.message).toMatch(/not a file/)
  })

  it('reports a missing folder as read-only with a Save As hint', async () => {
    const error = await saveError(safeSave(join(folder, 'gone', 'plan.gantry'), 'x'))
    expect(error.code).toBe('read-only')
    expect(error.message).toMatch(/no longer exists/)
    expect(error.message).toMatch(/Save As/)
  })
})

describe('cleanupOrphans', () => {
  it('removes only safe-save temporary files', async () => {
    writeFileSync(join(folder, '.plan.gantry.gantry-tmp-0123456789abcdef'), 'partial')
    writeFileSync(join(folder, 'plan.gantry'), 'keep')
    writeFileSync(join(folder, '.plan.gantry.gantry-tmp-notours'), 'keep')
    writeFileSync(join(folder, 'notes.gantry-tmp-0123456789abcdef'), 'keep (no leading dot)')
    const removed = await cleanupOrphans(folder)
    expect(removed).toEqual(['.plan.gantry.gantry-tmp-0123456789abcdef'])
    expect(readdirSync(folder).sort()).toEqual(['.plan.gantry.gantry-tmp-notours', 'notes.gantry-tmp-0123456789abcdef', 'plan.gantry'])
  })

  it('does nothing for a missing folder', async () => {
    expect(await cleanupOrphans(join(folder, 'missing'))).toEqual([])
  })
})

describe('readFileCapped', () => {
  it('refuses a file over the cap before reading it', async () => {
    const path = join(folder, 'large.xml')
    writeFileSync(path, Buffer.alloc(2048))
    const error = await saveError(readFileCapped(path, 1024))
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/too large/)
  })

  it('reports a missing file as not-found', async () => {
    const error = await saveError(readFileCapped(join(folder, 'nope.gantry'), 1024))
    expect(error.code).toBe('not-found')
  })

  /** The read's outcome, or 'still waiting' when it has not answered within two seconds (opening a pipe blocks). */
  async function answerOf(read: Promise<Uint8Array>): Promise<SafeSaveError | 'read' | 'still waiting'> {
    const waited = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 2000).unref())
    return Promise.race([read.then(() => 'read' as const, (error: unknown) => error as SafeSaveError), waited])
  }

  it('refuses a named pipe before opening it, instead of waiting for a writer forever', async () => {
    const pipe = join(folder, 'plan.gantry')
    execFileSync('mkfifo', [pipe])
    const answer = await answerOf(readFileCapped(pipe, 1024))
    if (!(answer instanceof SafeSaveError)) {
      // Let the blocked open finish so the test process can end.
      await fsp.writeFile(pipe, '').catch(() => undefined)
      throw new Error(`expected a refusal, got: ${answer}`)
    }
    expect(answer.code).toBe('bad-file')
    expect(answer.message).toBe('"plan.gantry" is a named pipe, not a file Gantry can read.')
  })

  it('refuses a folder and a device with what they are', async () => {
    expect((await saveError(readFileCapped(folder, 1024))).message).toMatch(/is a folder, not a file/)
    expect((await saveError(readFileCapped('/dev/zero', 1024))).message).toBe('"zero" is a device, not a file Gantry can read.')
  })
})

/**
 * Fault injection in the manner of SQLite's tests: a fake fs that fails the Nth call of one operation.
 * After each failure the target must hold wholly the old bytes or wholly the new bytes, never a mix, and no
 * temporary file may be left behind.
 */
type Operation = 'open' | 'write' | 'sync' | 'close' | 'rename' | 'link' | 'stat'
function faultyFs(failOn: Operation, failAt: number, errno: string, shortWrite = false): { fs: SafeSaveFs; calls: () => number } {
  let count = 0
  const shouldFail = (operation: Operation): boolean => operation === failOn && ++count === failAt
  const fail = (operation: string): never => {
    throw Object.assign(new Error(`${errno}: injected failure in ${operation}`), { code: errno })
  }
  const wrapHandle = (handle: SafeSaveFileHandle, path: string): SafeSaveFileHandle => ({
    writeFile: async (data) => {
      if (shouldFail('write')) {
        if (shortWrite) {
          // Half the bytes reach the disk, then the write fails (as on a disk that fills up mid-write).
          await handle.writeFile(data.subarray(0, Math.floor(data.byteLength / 2)))
        }
        fail(`write ${path}`)
      }
      await handle.writeFile(data)
    },
    sync: async () => {
      if (shouldFail('sync')) fail('fsync')
      await handle.sync()
    },
    close: async () => {
      if (shouldFail('close')) {
        await handle.close()
        fail('close')
      }
      await handle.close()
    },
  })
  const fs: SafeSaveFs = {
    ...realSafeSaveFs,
    open: async (path, flags, mode) => {
      if (shouldFail('open')) fail('open')
      return wrapHandle(await realSafeSaveFs.open(path, flags, mode), path)
    },
    rename: async (from, to) => {
      if (shouldFail('rename')) fail('rename')
      await realSafeSaveFs.rename(from, to)
    },
    link: async (existing, newPath) => {
      if (shouldFail('link')) fail('link')
      await realSafeSaveFs.link(existing, newPath)
    },
    stat: async (path) => {
      if (shouldFail('stat')) fail('stat')
      return realSafeSaveFs.stat(path)
    },
  }
  return { fs, calls: () => count }
}

describe('safeSave under injected faults', () => {
  const oldBytes = 'OLD '.repeat(10_000)
  const newBytes = 'NEW '.repeat(12_000)
  const cases: Array<{ operation: Operation; at: number; errno: string; short?: boolean }> = []
  for (const operation of ['open', 'write', 'sync', 'close', 'rename', 'link', 'stat'] as const) {
    for (const at of [1, 2, 3]) {
      for (const errno of ['EIO', 'ENOSPC']) cases.push({ operation, at, errno })
    }
  }
  cases.push({ operation: 'write', at: 1, errno: 'ENOSPC', short: true })

  it.each(cases)('failing $operation call #$at with $errno leaves wholly old or wholly new', async ({ operation, at, errno, short }) => {
    const target = join(folder, 'plan.gantry')
    writeFileSync(target, oldBytes)
    const { fs } = faultyFs(operation, at, errno, short)
    let error: unknown
    try {
      await safeSave(target, newBytes, { fs })
    } catch (caught) {
      error = caught
    }
    const content = readFileSync(target, 'utf8')
    expect([oldBytes, newBytes]).toContain(content)
    if (error !== undefined) {
      expect(error).toBeInstanceOf(SafeSaveError)
      if (content === oldBytes && errno === 'ENOSPC') expect((error as SafeSaveError).code).toBe('disk-full')
    } else {
      expect(content).toBe(newBytes)
    }
    expect(tempFilesIn(folder)).toEqual([])
    if (existsSync(`${target}.bak`)) expect(readFileSync(`${target}.bak`, 'utf8')).toBe(oldBytes)
  })

  it('detects a write that silently stored fewer bytes than asked', async () => {
    const target = join(folder, 'plan.gantry')
    writeFileSync(target, oldBytes)
    const lyingFs: SafeSaveFs = {
      ...realSafeSaveFs,
      open: async (path, flags, mode) => {
        const handle = await realSafeSaveFs.open(path, flags, mode)
        // Like the atomic-write packages measured on a full disk: a short write that reports success.
        return { ...handle, writeFile: (data) => handle.writeFile(data.subarray(0, 100)), sync: () => handle.sync(), close: () => handle.close() }
      },
    }
    const error = await saveError(safeSave(target, newBytes, { fs: lyingFs }))
    expect(error.message).toMatch(/only 100 of 48000 bytes/)
    expect(readFileSync(target, 'utf8')).toBe(oldBytes)
    expect(tempFilesIn(folder)).toEqual([])
  })

  it('falls back to copying the backup where hard links are not supported', async () => {
    const target = join(folder, 'plan.gantry')
    writeFileSync(target, oldBytes)
    const { fs } = faultyFs('link', 1, 'EPERM')
    await safeSave(target, newBytes, { fs })
    expect(readFileSync(target, 'utf8')).toBe(newBytes)
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(oldBytes)
  })
})

/**
 * Real file systems: a 512 KB tmpfs for a full disk, and a tmpfs remounted read-only. We are root in CI, so
 * `chmod 555` would not stop us; a read-only mount does. When mount is not permitted the test fails and says so.
 */
const tmpfs = tmpfsMounter()
afterAll(() => tmpfs.unmountAll())
const mounts: string[] = []
afterAll(() => {
  for (const point of mounts) execFileSync('umount', ['-l', point], { stdio: 'pipe' })
})
const mountTmpfs = (options: string): string => tmpfs.mount(options)

describe('safeSave on real file systems', () => {
  it('fails with disk-full on a tiny tmpfs, leaving the original byte for byte and no temp file', async () => {
    const point = mountTmpfs('size=512k')
    const target = join(point, 'plan.gantry')
    const original = Buffer.from('ORIGINAL '.repeat(20_000)) // 180 KB
    writeFileSync(target, original)
    const tooLarge = Buffer.alloc(400 * 1024, 0x41) // does not fit next to the original and its .bak link
    const error = await saveError(safeSave(target, tooLarge))
    expect(error.code).toBe('disk-full')
    expect(error.message).toMatch(/disk is full/)
    expect(Buffer.compare(readFileSync(target), original)).toBe(0)
    expect(tempFilesIn(point)).toEqual([])
  })

  it('fails with read-only and offers Save As on a read-only file system', async () => {
    const point = mountTmpfs('size=1m')
    const target = join(point, 'plan.gantry')
    writeFileSync(target, 'original')
    tmpfs.remountReadOnly(point)
    const error = await saveError(safeSave(target, 'new content'))
    expect(error.code).toBe('read-only')
    expect(error.message).toMatch(/read-only/)
    expect(error.message).toMatch(/Save As/)
    expect(readFileSync(target, 'utf8')).toBe('original')
  })

  it('fails with read-only on an immutable folder (chattr +i)', async () => {
    const point = mountTmpfs('size=1m')
    const sub = join(point, 'locked')
    mkdirSync(sub)
    writeFileSync(join(sub, 'plan.gantry'), 'original')
    try {
      execFileSync('chattr', ['+i', sub], { stdio: 'pipe' })
    } catch {
      // tmpfs may not support chattr; an ext4 scratch folder is not available everywhere, so use a bind mount instead.
      execFileSync('mount', ['--bind', sub, sub], { stdio: 'pipe' })
      execFileSync('mount', ['-o', 'remount,bind,ro', sub], { stdio: 'pipe' })
      mounts.unshift(sub)
    }
    const error = await saveError(safeSave(join(sub, 'plan.gantry'), 'new content'))
    expect(error.code).toBe('read-only')
    expect(readFileSync(join(sub, 'plan.gantry'), 'utf8')).toBe('original')
    try {
      execFileSync('chattr', ['-i', sub], { stdio: 'pipe' })
    } catch {
      // Was a bind mount; unmounted in afterAll.
    }
  })
})

describe('a save killed with SIGKILL', () => {
  it('leaves the original intact, and the orphan is removed at the next start', async () => {
    const target = join(folder, 'plan.gantry')
    const original = Buffer.from('ORIGINAL PLAN\n'.repeat(1000))
    writeFileSync(target, original)
    // A child process saves 300 MB through safeSave; we kill it once its temporary file has started to grow.
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support/save-child.ts'), target, '300'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))

    // Wait until the temporary file exists and holds some bytes, then kill mid-write.
    const deadline = Date.now() + 30_000
    let sawTemp = false
    while (Date.now() < deadline && child.exitCode === null) {
      const temps = tempFilesIn(folder)
      if (temps.length > 0 && (await fsp.stat(join(folder, temps[0]!)).catch(() => ({ size: 0 }))).size > 0) {
        sawTemp = true
        child.kill('SIGKILL')
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const signal = await exited
    expect(stdout, stderr).not.toContain('finished')
    expect(sawTemp, `the child never started writing: ${stderr}`).toBe(true)
    expect(signal).toBe('SIGKILL')

    expect(Buffer.compare(readFileSync(target), original)).toBe(0)
    const orphans = tempFilesIn(folder)
    expect(orphans.length).toBe(1)
    // The next start.
    expect(await cleanupOrphans(folder)).toEqual(orphans)
    expect(tempFilesIn(folder)).toEqual([])
    expect(Buffer.compare(readFileSync(target), original)).toBe(0)
  })
})
