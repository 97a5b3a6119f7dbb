import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import { mspdiHostileFixtures } from '../fixtures/mspdi/build'

const folder = join(__dirname, '../fixtures/mspdi')
const fixtures = mspdiHostileFixtures()

describe('static hostile MSPDI fixtures (tests/fixtures/mspdi)', () => {
  it('are exactly what the builders produce (regenerate with npx tsx tests/fixtures/mspdi/generate.ts)', () => {
    const onDisk = readdirSync(folder).filter((file) => !file.endsWith('.ts')).sort()
    expect(onDisk).toEqual(Object.keys(fixtures).sort())
    for (const [name, fixture] of Object.entries(fixtures)) {
      const expected = typeof fixture.content === 'string' ? Buffer.from(fixture.content, 'utf8') : Buffer.from(fixture.content)
      expect(readFileSync(join(folder, name)).equals(expected), name).toBe(true)
    }
  })

  for (const [name, fixture] of Object.entries(fixtures)) {
    it(`${name} is refused with code ${fixture.code} and a one-line message`, () => {
      // Binary files are read as the app reads them: bytes decoded as UTF-8 with replacement characters.
      const result = mspdiRead(readFileSync(join(folder, name)).toString('utf8'))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe(fixture.code)
      expect(result.error.message).toMatch(/^[^\n]{15,600}$/)
    })
  }
})
