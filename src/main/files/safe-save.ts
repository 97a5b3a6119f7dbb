import { randomBytes } from 'node:crypto'
import { constants as nodeConstants } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { IpcErrorCode } from '../../shared/ipc/contract'

/**
 * Safe save: the target file is either wholly the old version or wholly the new one, whatever happens
 * (full disk, read-only folder, a crash or SIGKILL in the middle).
 *
 * 1. write a temporary file `.<name>.gantry-tmp-<random>` in the same folder with FileHandle.writeFile
 *    (it loops over short writes), fsync it, close it, and check its size on disk;
 * 2. keep the previous version as `<name>.bak` (hard link, or a copy where links are not supported);
 * 3. rename the temporary file over the target (atomic within one folder) and fsync the folder.
 *
 * On any failure the temporary file is removed and a `SafeSaveError` with an IPC error code is thrown.
 * Temporary files left by a killed process are removed at the next start by `cleanupOrphans`.
 */

/** The part of `node:fs/promises` safe save uses, so tests can inject faults. */
export type SafeSaveFs = {
  open: (path: string, flags: string, mode?: number) => Promise<SafeSaveFileHandle>
  rename: (from: string, to: string) => Promise<void>
  link: (existing: string, newPath: string) => Promise<void>
  copyFile: (from: string, to: string) => Promise<void>
  unlink: (path: string) => Promise<void>
  stat: (path: string) => Promise<{ size: number; mode: number; isFile(): boolean }>
}

export type SafeSaveFileHandle = {
  writeFile: (data: Uint8Array) => Promise<void>
  sync: () => Promise<void>
  close: () => Promise<void>
}

export const realSafeSaveFs: SafeSaveFs = {
  open: (path, flags, mode) => nodeFs.open(path, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  link: (existing, newPath) => nodeFs.link(existing, newPath),
  copyFile: (from, to) => nodeFs.copyFile(from, to),
  unlink: (path) => nodeFs.unlink(path),
  stat: (path) => nodeFs.stat(path),
}

/** A save or read that failed, with the IPC error code the renderer acts on ('read-only' offers Save As). */
export class SafeSaveError extends Error {
  readonly code: IpcErrorCode
  constructor(code: IpcErrorCode, message: string, cause?: unknown) {
    super(message, { cause })
    this.name = 'SafeSaveError'
    this.code = code
  }
}

const tempMarker = '.gantry-tmp-'
/** Matches the temporary files safe save creates: `.<name>.gantry-tmp-<16 hex digits>`. */
export const safeSaveTempPattern = /^\..+\.gantry-tmp-[0-9a-f]{16}$/

/** The name of a fresh temporary file for `target`, in the same folder. */
export function safeSaveTempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}${tempMarker}${randomBytes(8).toString('hex')}`)
}

/** The backup kept next to a saved file: `<name>.bak`. */
export function safeSaveBackupPath(target: string): string {
  return `${target}.bak`
}

function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}

/** Turns an fs error into a `SafeSaveError` with a message a project manager can act on. */
export function fileErrorDescribe(error: unknown, fileName: string, action: 'save' | 'read'): SafeSaveError {
  if (error instanceof SafeSaveError) return error
  const errno = errnoOf(error)
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new SafeSaveError(
        'disk-full',
        `The disk is full: "${fileName}" could not be saved. The file on disk was not changed. Free some space, or use Save As to save it somewhere else.`,
        error,
      )
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
    case 'ETXTBSY':
      return action === 'save'
        ? new SafeSaveError(
            'read-only',
            `"${fileName}" cannot be written here: the file or its folder is read-only or locked by another program. The file on disk was not changed. Use Save As to save it somewhere else.`,
            error,
          )
        : new SafeSaveError('io', `"${fileName}" cannot be read: permission denied or the file is locked.`, error)
    case 'ENOENT':
    case 'ENOTDIR':
      return action === 'save'
        ? new SafeSaveError(
            'read-only',
            `The folder of "${fileName}" no longer exists (a removed drive or a deleted folder). Use Save As to save it somewhere else.`,
            error,
          )
        : new SafeSaveError('not-found', `"${fileName}" no longer exists. It may have been moved or deleted.`, error)
    case 'EISDIR':
      return new SafeSaveError('io', `"${fileName}" is a folder, not a file.`, error)
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return new SafeSaveError('io', `"${fileName}" could not be ${action === 'save' ? 'saved' : 'read'}: ${detail}`, error)
    }
  }
}

async function removeQuietly(fs: SafeSaveFs, path: string): Promise<void> {
  try {
    await fs.unlink(path)
  } catch {
    // Already gone, or the folder became unwritable: cleanupOrphans removes it at the next start.
  }
}

async function syncFolder(fs: SafeSaveFs, folder: string): Promise<void> {
  let handle: SafeSaveFileHandle | undefined
  try {
    handle = await fs.open(folder, 'r')
    await handle.sync()
  } catch (error) {
    // Some file systems (and Windows) refuse to open or fsync a folder; the rename itself is already done.
    const errno = errnoOf(error)
    if (errno !== 'EINVAL' && errno !== 'EISDIR' && errno !== 'EPERM' && errno !== 'EACCES' && errno !== 'ENOTSUP') throw error
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

export type SafeSaveOptions = {
  /** Keep the previous version as `<name>.bak` (default true). */
  keepBackup?: boolean
  fs?: SafeSaveFs
}

/**
 * Writes `data` to `target` so that the target is always either the old or the new content.
 * Throws a `SafeSaveError` ('disk-full', 'read-only', 'io') and leaves the target untouched on failure.
 */
export async function safeSave(requestedTarget: string, data: Uint8Array | string, options: SafeSaveOptions = {}): Promise<void> {
  const fs = options.fs ?? realSafeSaveFs
  // Saving through a symbolic link replaces the file it points to, not the link.
  const target = await nodeFs.realpath(requestedTarget).catch(() => requestedTarget)
  const keepBackup = options.keepBackup ?? true
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const fileName = basename(target)
  const folder = dirname(target)
  const tempPath = safeSaveTempPath(target)

  let previous: { mode: number } | null = null
  try {
    const stats = await fs.stat(target)
    if (!stats.isFile()) throw new SafeSaveError('io', `"${fileName}" is a folder or a device, not a file.`)
    previous = { mode: stats.mode & 0o777 }
  } catch (error) {
    if (error instanceof SafeSaveError) throw error
    if (errnoOf(error) !== 'ENOENT') throw fileErrorDescribe(error, fileName, 'save')
  }

  let handle: SafeSaveFileHandle | undefined
  let isTempCreated = false
  try {
    handle = await fs.open(tempPath, 'wx', previous?.mode ?? 0o644)
    isTempCreated = true
    await handle.writeFile(bytes)
    await handle.sync()
    const closing = handle
    handle = undefined
    await closing.close()
    const written = await fs.stat(tempPath)
    if (written.size !== bytes.byteLength) {
      throw new SafeSaveError(
        'io',
        `"${fileName}" could not be saved: only ${written.size} of ${bytes.byteLength} bytes reached the disk. The file on disk was not changed.`,
      )
    }
    if (keepBackup && previous !== null) await keepBackupOf(fs, target)
    await fs.rename(tempPath, target)
    isTempCreated = false
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined)
    if (isTempCreated) await removeQuietly(fs, tempPath)
    throw fileErrorDescribe(error, fileName, 'save')
  }
  try {
    await syncFolder(fs, folder)
  } catch (error) {
    // The new file is in place; only its durability after a power cut is in doubt.
    throw fileErrorDescribe(error, fileName, 'save')
  }
}

/** Replaces `<target>.bak` with the current target, atomically (link or copy to a temp name, then rename). */
async function keepBackupOf(fs: SafeSaveFs, target: string): Promise<void> {
  const backupTemp = safeSaveTempPath(target)
  try {
    try {
      await fs.link(target, backupTemp)
    } catch (error) {
      const errno = errnoOf(error)
      // File systems without hard links (FAT, some network shares): copy instead.
      if (errno !== 'EPERM' && errno !== 'ENOTSUP' && errno !== 'EXDEV' && errno !== 'EMLINK' && errno !== 'ENOSYS') throw error
      await fs.copyFile(target, backupTemp)
    }
    await fs.rename(backupTemp, safeSaveBackupPath(target))
  } catch (error) {
    await removeQuietly(fs, backupTemp)
    throw error
  }
}

/**
 * Removes temporary files a killed save left in `folder` (`.<name>.gantry-tmp-<hex>`).
 * Returns the names removed; a missing or unreadable folder removes nothing.
 */
export async function cleanupOrphans(folder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await nodeFs.readdir(folder)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!safeSaveTempPattern.test(name)) continue
    try {
      const path = join(folder, name)
      const stats = await nodeFs.lstat(path)
      if (!stats.isFile()) continue
      await nodeFs.unlink(path)
      removed.push(name)
    } catch {
      // Removed by someone else, or not ours to remove.
    }
  }
  return removed
}

/** What a path that is not a regular file is, for the message that refuses it. */
function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/**
 * Reads a whole file, refusing it before reading when it is larger than `maxBytes`. Anything but a regular file (a
 * folder, a named pipe, a device, a socket) is refused before it is opened: opening a named pipe waits for a writer,
 * forever. The file is opened without blocking and checked again, in case it was swapped for one in between.
 * Throws a `SafeSaveError` ('too-large', 'not-found', 'bad-file', 'io').
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const fileName = basename(path)
  let handle: nodeFs.FileHandle | undefined
  try {
    const before = await nodeFs.stat(path)
    if (!before.isFile()) throw new SafeSaveError('bad-file', `"${fileName}" is ${kindOf(before)}, not a file Gantry can read.`)
    // O_NONBLOCK (where the system has it) makes a pipe swapped in after the check fail to block the open.
    const flags = nodeConstants.O_RDONLY | (nodeConstants.O_NONBLOCK ?? 0)
    handle = await nodeFs.open(path, flags)
    const stats = await handle.stat()
    if (!stats.isFile()) throw new SafeSaveError('bad-file', `"${fileName}" is ${kindOf(stats)}, not a file Gantry can read.`)
    if (stats.size > maxBytes) {
      throw new SafeSaveError(
        'too-large',
        `"${fileName}" is too large to open (${formatMegabytes(stats.size)}; the limit is ${formatMegabytes(maxBytes)}).`,
      )
    }
    const data = await handle.readFile()
    // A file that grew while being read is refused too, so the cap holds.
    if (data.byteLength > maxBytes) {
      throw new SafeSaveError('too-large', `"${fileName}" is too large to open (the limit is ${formatMegabytes(maxBytes)}).`)
    }
    return data
  } catch (error) {
    throw fileErrorDescribe(error, fileName, 'read')
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Decodes file bytes as UTF-8 text (a byte-order mark is dropped). Throws a 'bad-file' `SafeSaveError`
 * for bytes that are not UTF-8 text (a binary file).
 */
export function decodeText(data: Uint8Array, fileName: string, what: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data)
    if (text.includes('\u0000')) throw new Error('NUL byte')
    return text
  } catch {
    throw new SafeSaveError('bad-file', `"${fileName}" is not ${what}: it holds binary data, not text.`)
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
