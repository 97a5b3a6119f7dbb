import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The Microsoft Project sample files the tests read (copies of `shared/mspdi/samples`, with their sources in
 * `tests/fixtures/mspdi-samples/SOURCES.md`), found relative to this file so no test depends on where the
 * repository is checked out.
 */
export const mspdiSamplesDir = join(__dirname, '..', 'fixtures', 'mspdi-samples')

/** The absolute path of one sample, e.g. `mspdiSamplePath('sample1.xml')`. */
export function mspdiSamplePath(name: string): string {
  return join(mspdiSamplesDir, name)
}

/** The text of one sample. */
export function mspdiSampleText(name: string): string {
  return readFileSync(mspdiSamplePath(name), 'utf8')
}

/** The names of every sample, sorted. */
export function mspdiSampleNames(): string[] {
  return readdirSync(mspdiSamplesDir)
    .filter((file) => file.endsWith('.xml'))
    .sort()
}
