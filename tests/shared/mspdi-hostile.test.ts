import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import {
  mspdiBillionLaughs,
  mspdiDeepNesting,
  mspdiExternalDoctype,
  mspdiExternalEntity,
  mspdiExternalParameterEntity,
  mspdiLargeFile,
  mspdiMinimal,
  mspdiPrototypeTags,
  mspdiQuadraticBlowup,
} from '../fixtures/mspdi/build'
import { mspdiSamplesDir } from '../support/samples'


/** Reads `text` and expects a refusal; returns the one-line message. */
function refused(text: string, code?: string): string {
  const result = mspdiRead(text)
  if (result.ok) throw new Error('expected the file to be refused, but it was read')
  if (code !== undefined) expect(result.error.code).toBe(code)
  expect(result.error.message).not.toContain('\n')
  expect(result.error.message.length).toBeGreaterThan(10)
  return result.error.message
}

describe('RELIABILITY 1-4: entities and prototype names', () => {
  it('1. refuses billion laughs before any expansion (heap stays flat)', () => {
    const before = process.memoryUsage().heapUsed
    const message = refused(mspdiBillionLaughs(), 'unsafe-xml')
    expect(message).toMatch(/entities/)
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024)
  })

  it('2. refuses one entity expanded 50,000 times (quadratic blow-up)', () => {
    expect(refused(mspdiQuadraticBlowup(), 'unsafe-xml')).toMatch(/entities/)
  })

  it('3. refuses an external entity (XXE) without reading the file it names', () => {
    const result = mspdiRead(mspdiExternalEntity())
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain('root:')
    expect(refused(mspdiExternalEntity(), 'unsafe-xml')).toMatch(/refused for safety/)
  })

  it('3. refuses an external parameter entity and an external DTD', () => {
    expect(refused(mspdiExternalParameterEntity(), 'unsafe-xml')).toMatch(/refused for safety/)
    expect(refused(mspdiExternalDoctype(), 'unsafe-xml')).toMatch(/external document/)
  })

  it('3. refuses an undeclared entity reference (no DTD entities at all)', () => {
    expect(refused(mspdiMinimal([{ uid: 1, name: 'A &nbsp; B' }]), 'malformed-xml')).toMatch(/line \d+/)
  })

  it('4. refuses __proto__ and constructor tags and leaves Object.prototype untouched', () => {
    const keysBefore = Object.getOwnPropertyNames(Object.prototype).sort()
    expect(refused(mspdiPrototypeTags('__proto__'), 'unsafe-xml')).toMatch(/__proto__/)
    expect(refused(mspdiPrototypeTags('constructor'), 'unsafe-xml')).toMatch(/constructor/)
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(keysBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('RELIABILITY 5-7: damaged, foreign and deep files', () => {
  it('5. refuses every sample cut short at 10 points, each time naming a line', () => {
    const text = readFileSync(join(mspdiSamplesDir, 'sample1.xml'), 'utf8')
    for (let cut = 1; cut <= 10; cut++) {
      const truncated = text.slice(0, Math.floor((text.length * cut) / 11))
      expect(refused(truncated, 'malformed-xml')).toMatch(/damaged or truncated \(line \d+/)
    }
  })

  it('5. refuses mismatched and unclosed tags', () => {
    expect(refused(mspdiMinimal([{ uid: 1, extra: '<Notes>x</Note>' }]), 'malformed-xml')).toMatch(/Notes|Note/)
    expect(refused(mspdiMinimal([{ uid: 1 }]).replace('</Project>', ''), 'malformed-xml')).toMatch(/damaged or truncated/)
    expect(refused(mspdiMinimal([{ uid: 1 }]) + '<Project/>', 'malformed-xml')).toMatch(/damaged or truncated/)
  })

  it('6. refuses JSON, binary and empty files as "not a Project XML file" or "empty"', () => {
    expect(refused('{"format":"gantry-plan","plan":{}}', 'not-xml')).toBe('This is not a Project XML file: it does not contain XML.')
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, index) => (index * 37) % 256))
    expect(refused(binary, 'not-xml')).toMatch(/not a Project XML file/)
    expect(refused('<?xml version="1.0"?>\u0000\u0001<Project/>', 'not-xml')).toMatch(/not a Project XML file/)
    expect(refused('', 'empty')).toBe('The file is empty.')
    expect(refused('   \n\t ', 'empty')).toBe('The file is empty.')
  })

  it('6. refuses XML with another root or namespace as "not a Project XML file"', () => {
    expect(refused('<?xml version="1.0"?><project name="x"/>', 'not-mspdi')).toMatch(/not a Project XML file.*<project> root/)
    expect(refused('<Project xmlns="http://schemas.microsoft.com/project/2007"><Tasks/></Project>', 'not-mspdi')).toMatch(/namespace/)
    expect(refused('<Project><Tasks/></Project>', 'not-mspdi')).toMatch(/namespace is none/)
  })

  it('7. refuses 5,000 levels of nesting', () => {
    expect(refused(mspdiDeepNesting(5000), 'unsafe-xml')).toMatch(/nests XML elements more than \d+ levels/)
  })
})

describe('RELIABILITY 8: a 100,000-task file', () => {
  it('reads 100,000 tasks with their links and reports progress', { timeout: 240_000 }, () => {
    const text = mspdiLargeFile(100_000)
    const fractions: number[] = []
    const result = mspdiRead(text, { onProgress: (fraction) => fractions.push(fraction) })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.tasks.length).toBe(100_000)
    expect(result.plan.tasks[99_999]?.name).toBe('Task 100000')
    expect(result.plan.tasks.slice(0, 12).map((task) => task.level)).toEqual([1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2])
    // 89 leaves per 100 rows, each linked to the previous leaf.
    expect(result.plan.dependencies.length).toBe(89_000 - 1)
    expect(result.warnings).toEqual([])
    expect(fractions.length).toBeGreaterThan(10)
    expect(fractions[fractions.length - 1]).toBe(1)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
  })
})

describe('RELIABILITY 9-10: dates and durations', () => {
  it.each([
    ['2024-02-30T08:00:00', 'February 30'],
    ['0000-01-01T08:00:00', 'year 0000'],
    ['2024-13-01T08:00:00', 'month 13'],
    ['2024-01-01T25:00:00', 'hour 25'],
    ['yesterday', 'text'],
  ])('refuses the date %s (%s), naming the task', (date) => {
    const message = refused(mspdiMinimal([{ uid: 7, name: 'Build', start: date }]), 'invalid')
    expect(message).toBe(`Task "Build" (UID 7): Start "${date}" is not a real date and time.`)
  })

  it('refuses an impossible project StartDate', () => {
    const text = mspdiMinimal([{ uid: 1 }]).replace('2026-01-05T08:00:00</StartDate>', '2023-02-29T08:00:00</StartDate>')
    expect(refused(text, 'invalid')).toMatch(/StartDate "2023-02-29T08:00:00" is not a real date/)
  })

  it('flags a task that finishes before it starts, without NaN dates', () => {
    const result = mspdiRead(mspdiMinimal([{ uid: 1, name: 'Backwards', start: '2026-01-09T08:00:00', finish: '2026-01-05T17:00:00' }]))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.warnings.some((warning) => warning.includes('"Backwards"') && warning.includes('before it starts'))).toBe(true)
    expect(result.plan.tasks[0]?.start).toBe('2026-01-09T08:00:00')
  })

  it.each([
    ['-PT8H0M0S', /is negative/],
    ['PT-8H0M0S', /is negative/],
    ['P1Y', /is not a duration written like PT8H0M0S/],
    ['P1D', /is not a duration written like PT8H0M0S/],
    ['PT', /is not a duration written like PT8H0M0S/],
    ['eight hours', /is not a duration written like PT8H0M0S/],
    ['PT99999999999H0M0S', /is too long/],
  ])('refuses the task duration %s', (duration, pattern) => {
    expect(refused(mspdiMinimal([{ uid: 1, duration }]), 'invalid')).toMatch(pattern)
  })

  it('reads LinkLag as tenths of a minute (4800 = one 8-hour day) and keeps leads negative', () => {
    const result = mspdiRead(
      mspdiMinimal([{ uid: 1 }, { uid: 2, links: [{ uid: 1, lag: 4800 }] }, { uid: 3, links: [{ uid: 2, lag: -2400, lagFormat: 5 }] }]),
    )
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.dependencies.map((link) => [link.lag, link.lagUnit])).toEqual([
      [480, 'd'],
      [-240, 'h'],
    ])
  })

  it('refuses a LinkLag that is not a number', () => {
    const text = mspdiMinimal([{ uid: 1 }, { uid: 2, links: [{ uid: 1 }] }]).replace('<LinkLag>0</LinkLag>', '<LinkLag>NaN</LinkLag>')
    expect(refused(text, 'invalid')).toMatch(/LinkLag "NaN" is not a number/)
  })
})

describe('RELIABILITY 11-12: identities and links', () => {
  it('refuses duplicate task UIDs, naming both tasks', () => {
    const message = refused(mspdiMinimal([{ uid: 4, name: 'Design' }, { uid: 4, name: 'Build' }]), 'invalid')
    expect(message).toBe('Two tasks use UID 4 ("Design" and "Build"); each task needs its own UID.')
  })

  it('refuses a predecessor UID that is not in the file', () => {
    const message = refused(mspdiMinimal([{ uid: 1, name: 'Design' }, { uid: 2, name: 'Build', links: [{ uid: 99 }] }]), 'invalid')
    expect(message).toBe('Task "Build" (UID 2) has a predecessor with UID 99, which is not a task in the file.')
  })

  it('refuses a cycle A -> B -> C -> A and lists it in link order', () => {
    const text = mspdiMinimal([
      { uid: 1, name: 'A', links: [{ uid: 3 }] },
      { uid: 2, name: 'B', links: [{ uid: 1 }] },
      { uid: 3, name: 'C', links: [{ uid: 2, type: 3 }] },
    ])
    const message = refused(text, 'cycle')
    expect(message).toBe(
      'These tasks depend on each other in a circle: "A" (UID 1) → "B" (UID 2) → "C" (UID 3) → "A" (UID 1); remove one of these links and import again.',
    )
  })

  it('refuses a link between a task and its own summary (a cycle through the outline)', () => {
    const text = mspdiMinimal([
      { uid: 1, name: 'Phase', level: 1 },
      { uid: 2, name: 'Design', level: 2, links: [{ uid: 1 }] },
    ])
    expect(refused(text, 'cycle')).toMatch(/^These tasks depend on each other in a circle \(a link to or from a summary task counts for all its subtasks\): .*"Phase" \(UID 1\)/)
  })

  it('refuses a task linked to itself', () => {
    expect(refused(mspdiMinimal([{ uid: 5, name: 'Loop', links: [{ uid: 5 }] }]), 'cycle')).toBe(
      'Task "Loop" (UID 5) is linked to itself; remove that link and import again.',
    )
  })

  it('refuses an unknown link type code', () => {
    expect(refused(mspdiMinimal([{ uid: 1 }, { uid: 2, links: [{ uid: 1, type: 7 }] }]), 'invalid')).toMatch(/link type 7/)
  })
})

describe('RELIABILITY 13: units', () => {
  it('replaces zero, negative or absurd units with 100 % and says so', () => {
    const resources =
      '  <Resources><Resource><UID>1</UID><ID>1</ID><Name>Ana</Name><MaxUnits>0</MaxUnits></Resource>' +
      '<Resource><UID>2</UID><ID>2</ID><Name>Ben</Name><MaxUnits>-1</MaxUnits></Resource></Resources>\n' +
      '  <Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>0</Units></Assignment>' +
      '<Assignment><UID>2</UID><TaskUID>1</TaskUID><ResourceUID>-65535</ResourceUID><Units>1</Units></Assignment></Assignments>\n'
    const result = mspdiRead(mspdiMinimal([{ uid: 1 }], { after: resources }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.resources.map((resource) => resource.maxUnits)).toEqual([100, 100])
    expect(result.plan.assignments).toMatchObject([{ id: 1, taskId: 1, resourceId: 1, units: 100 }])
    expect(result.warnings.filter((warning) => /MaxUnits|Units 0/.test(warning)).length).toBe(3)
  })

  it('refuses units that are not numbers', () => {
    const resources = '  <Resources><Resource><UID>1</UID><ID>1</ID><Name>Ana</Name><MaxUnits>NaN</MaxUnits></Resource></Resources>\n'
    expect(refused(mspdiMinimal([{ uid: 1 }], { after: resources }), 'invalid')).toMatch(/MaxUnits "NaN" is not a number/)
  })
})

describe('control characters and character references', () => {
  it('decodes &#13; to a carriage return and drops characters XML cannot carry', () => {
    const result = mspdiRead(mspdiMinimal([{ uid: 1, name: 'a&#13;b&#0;c &amp; &lt;d&gt; &#x1F600;' }]))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.tasks[0]?.name).toBe('a\rbc & <d> 😀')
  })

  it('turns literal CR LF line ends into LF (XML end-of-line handling)', () => {
    const result = mspdiRead(mspdiMinimal([{ uid: 1, extra: '<Notes>line 1\r\nline 2\rline 3</Notes>' }]))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.tasks[0]?.notes).toBe('line 1\nline 2\nline 3')
  })
})
