import { randomBytes } from 'node:crypto'
import { basename, resolve } from 'node:path'

/**
 * Main's map from opaque document tokens to absolute paths. The renderer only ever holds tokens and file
 * names; it can never name a path to write to. Tokens are 128 random bits, so they cannot be guessed.
 */
export class DocumentRegistry {
  private readonly pathsByToken = new Map<string, string>()
  private readonly tokensByPath = new Map<string, string>()

  /** The token of `path`: the same token when the file is already open in this window. */
  register(path: string): { documentToken: string; fileName: string; isAlreadyOpen: boolean } {
    const absolute = resolve(path)
    const existing = this.tokensByPath.get(absolute)
    if (existing !== undefined) return { documentToken: existing, fileName: basename(absolute), isAlreadyOpen: true }
    const documentToken = randomBytes(16).toString('hex')
    this.pathsByToken.set(documentToken, absolute)
    this.tokensByPath.set(absolute, documentToken)
    return { documentToken, fileName: basename(absolute), isAlreadyOpen: false }
  }

  /** The path a token stands for, or undefined for a token main never issued. */
  pathOf(documentToken: string): string | undefined {
    return this.pathsByToken.get(documentToken)
  }

  get size(): number {
    return this.pathsByToken.size
  }
}
