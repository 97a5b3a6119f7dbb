/**
 * Browser file access for the web platform: an `<input type=file>` picker and downloads through a Blob URL.
 * The browser never gives a path, so the page cannot write back to an opened file: "save" downloads again.
 */

export type PickedFile = { name: string; size: number; text(): Promise<string> }

/**
 * Shows the browser's file picker and resolves with the chosen file, or `null` when the user cancels.
 * @param accept the `accept` attribute, e.g. `.gantry,application/json`
 */
export function webPickFile(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.hidden = true
    let isSettled = false
    const settle = (file: PickedFile | null) => {
      if (isSettled) return
      isSettled = true
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      settle(file === undefined ? null : { name: file.name, size: file.size, text: () => file.text() })
    })
    input.addEventListener('cancel', () => settle(null))
    document.body.append(input)
    input.click()
  })
}

/** Makes a name safe for a downloaded file: no path separators or control characters, at most 120 characters. */
export function webSafeFileName(name: string, extension: string): string {
  const base =
    name
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'Untitled'
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`
}

/** Offers `content` as a download named `fileName`. */
export function webDownload(fileName: string, content: string | Uint8Array, type: string): void {
  // A Uint8Array may sit on a shared buffer, which Blob refuses: copy it into a plain one.
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content)
  const url = URL.createObjectURL(new Blob([part], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started once click() returns; keep the URL briefly for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
