import { describe, expect, it } from 'vitest'
import { icsBuild, icsEscapeText, icsFoldLine, icsReadEvents } from '../../src/shared/career/ics'
import { careerDataEmpty, certificationMake } from '../../src/shared/career/model'
import { careerDeadlines } from '../../src/shared/career/warnings'

const octets = (line: string) => new TextEncoder().encode(line).length

describe('icsEscapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['crlf\r\nend', 'crlf\\nend'],
  ])('%j -> %j', (input, expected) => {
    expect(icsEscapeText(input)).toBe(expected)
  })
})

describe('icsFoldLine', () => {
  it('leaves a 75-octet line alone', () => {
    const line = 'X'.repeat(75)
    expect(icsFoldLine(line)).toBe(line)
  })

  it('folds longer lines at 75 octets with a leading space', () => {
    const folded = icsFoldLine('S'.repeat(200))
    const lines = folded.split('\r\n')
    expect(lines.every((line) => octets(line) <= 75)).toBe(true)
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe('S'.repeat(200))
  })

  it('never splits a multi-byte character', () => {
    const text = `SUMMARY:${'é€😀'.repeat(40)}`
    const folded = icsFoldLine(text)
    for (const line of folded.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75)
      expect(line).not.toContain('\uFFFD')
    }
    expect(folded.replace(/\r\n /g, '')).toBe(text)
  })
})

describe('icsBuild', () => {
  const data = careerDataEmpty()
  data.certifications.push(
    certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
  )
  data.goals.push({
    id: 'g1',
    title: 'Lead a program, with budget; report monthly',
    dueOn: '2026-12-31',
    isDone: false,
    doneOn: null,
  })
  const text = icsBuild(careerDeadlines(data), { nowUtc: '2026-11-26T01:04:13.000Z' })

  it('uses CRLF everywhere and ends with one', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('holds the expiry as an all-day event with UID and DTSTAMP', () => {
    expect(text).toContain('DTSTART;VALUE=DATE:20280315\r\nDTEND;VALUE=DATE:20280316\r\n')
    const events = icsReadEvents(text)
    const expiry = events.find((event) => event.summary.includes('expires') && event.date === '2028-03-15')
    expect(expiry?.uid).toBe('expiry-c1-0@career.gantry.invalid')
    expect(text.match(/DTSTAMP:20261126T010413Z/g)?.length).toBe(events.length)
  })

  it('reminds 180, 90 and 30 days before expiry with alarms on the expiry event, not separate events', () => {
    const events = icsReadEvents(text)
    const expiry = events.find((event) => event.uid === 'expiry-c1-0@career.gantry.invalid')
    expect(expiry?.alarms).toEqual(['-P180D', '-P90D', '-P30D'])
    expect(events.map((event) => event.date)).not.toEqual(expect.arrayContaining(['2027-09-17']))
    expect(events.filter((event) => event.date !== '2026-12-31').map((event) => event.date)).toEqual([
      '2028-03-15',
      '2029-03-15', // last day of PMI's suspension
    ])
    expect(text.replace(/\r\n /g, '')).toContain(
      'BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Project Management Professional (PMP) expires (2028-03-15\\, in 180 days)\r\nTRIGGER:-P180D\r\nEND:VALARM\r\n',
    )
    expect(text.match(/BEGIN:VALARM/g)?.length).toBe(text.match(/END:VALARM/g)?.length)
  })

  it('escapes and reads back text with commas and semicolons', () => {
    expect(text).toContain('SUMMARY:Goal: Lead a program\\, with budget\\; report monthly')
    expect(icsReadEvents(text).find((event) => event.uid.startsWith('goal-'))?.summary).toBe(
      'Goal: Lead a program, with budget; report monthly',
    )
  })

  it('has unique UIDs and balanced BEGIN/END blocks', () => {
    const uids = icsReadEvents(text).map((event) => event.uid)
    expect(new Set(uids).size).toBe(uids.length)
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(text.match(/END:VEVENT/g)?.length)
  })
})
