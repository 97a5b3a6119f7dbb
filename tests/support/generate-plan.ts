/**
 * Seeded generator of realistic plans for benchmarks and property tests.
 *
 * Shape: a 3-level outline (phases > work packages > tasks), about 1.5 links per task between leaf tasks
 * (always from an earlier row to a later row, so the graph is acyclic), a few lags and constraints, the
 * Standard calendar with a set of public holidays, and optionally resources with ~1.2 assignments per leaf task.
 * The same options always give the same plan.
 */
import { makeAssignment, calendarStandard, makePlan, makeTask } from '../../src/shared/domain/defaults'
import type {
  Assignment,
  Dependency,
  DependencyType,
  LagUnit,
  Plan,
  Resource,
  Task,
} from '../../src/shared/domain/model'

export type GeneratePlanOptions = {
  /** Total number of task rows (summaries included). */
  tasks: number
  seed: number
  /** Number of resources to create (0 = none). Pass 50 for the benchmark shape. */
  resources?: number
  /** Average number of assignments per leaf task when resources exist (default 1.2). */
  assignmentsPerTask?: number
  /**
   * Number of resource calendars (derived from the project calendar: part-time, four-day weeks, late shifts, each
   * with a few days off of its own) given to the first resources in turn (default 0: everyone on the project calendar).
   */
  resourceCalendars?: number
  /** Average number of links per task (default 1.5). */
  linksPerTask?: number
  /** Plan start (default 2026-01-05T08:00:00, a Monday). */
  start?: string
}

/** A small, fast, seedable PRNG (mulberry32); returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const holidayDays = ['01-01', '05-01', '07-14', '08-15', '11-01', '11-11', '12-25', '12-26']

/** A generated plan with `options.tasks` rows; deterministic for a given seed. */
export function generatePlan(options: GeneratePlanOptions): Plan {
  const random = seededRandom(options.seed)
  const count = Math.max(0, Math.floor(options.tasks))
  const start = options.start ?? '2026-01-05T08:00:00'
  const calendar = calendarStandard(1, 'Standard')
  const startYear = Number(start.slice(0, 4))
  // Enough years of holidays for long plans (10 years covers 100,000 tasks comfortably).
  for (let year = startYear; year < startYear + 12; year++) {
    for (const day of holidayDays) {
      calendar.exceptions.push({
        name: `Holiday ${day}`,
        from: `${year}-${day}`,
        to: `${year}-${day}`,
        periods: [],
      })
    }
  }
  const plan = makePlan(
    `generated-${options.seed}-${count}`,
    `Generated ${count}`,
    start,
    '2026-01-01T00:00:00',
    {
      calendars: [calendar],
    },
  )

  // Outline: a phase every ~100 rows, a work package every ~10 rows, leaves below.
  const tasks: Task[] = []
  const leafIndexes: number[] = []
  let id = 1
  let sincePhase = Number.POSITIVE_INFINITY
  let sincePackage = Number.POSITIVE_INFINITY
  // Tiny plans are flat; others always put a leaf right after each summary.
  const isFlat = count < 3
  let needsLeaf = false
  while (tasks.length < count) {
    const remaining = count - tasks.length
    if (!isFlat && !needsLeaf && sincePhase >= 100 && remaining >= 3) {
      tasks.push(makeTask(id, { name: `Phase ${id}`, level: 1 }))
      id++
      sincePhase = 0
      sincePackage = Number.POSITIVE_INFINITY
      needsLeaf = true
      continue
    }
    if (!isFlat && sincePackage >= 10 && remaining >= 2) {
      tasks.push(makeTask(id, { name: `Package ${id}`, level: 2 }))
      id++
      sincePhase++
      sincePackage = 0
      needsLeaf = true
      continue
    }
    const roll = random()
    const isMilestone = roll < 0.05
    const days = 1 + Math.floor(random() * 10)
    const task = makeTask(id, {
      name: `Task ${id}`,
      level: isFlat ? 1 : 3,
      duration: isMilestone ? 0 : days * 480,
      durationUnit: 'd',
      isMilestone,
    })
    if (roll > 0.98) {
      const offset = Math.floor(random() * 200)
      const date = new Date(Date.UTC(startYear, 0, 5 + offset, 8, 0))
      task.constraint = { type: 'SNET', date: date.toISOString().slice(0, 19) }
    }
    leafIndexes.push(tasks.length)
    tasks.push(task)
    needsLeaf = false
    id++
    sincePhase++
    sincePackage++
  }
  // A summary with no children would be a plain task; fix the last rows if the outline ended on a summary.
  for (let index = tasks.length - 1; index >= 0; index--) {
    const task = tasks[index]
    const next = tasks[index + 1]
    if (
      task !== undefined &&
      (next === undefined || next.level <= task.level) &&
      task.level < 3 &&
      !leafIndexes.includes(index)
    ) {
      task.name = `Task ${task.id}`
      leafIndexes.push(index)
    } else break
  }
  leafIndexes.sort((a, b) => a - b)
  plan.tasks = tasks

  // Links between leaves, from earlier to later rows: mostly close together inside a phase (like real plans), and
  // the first leaves of a phase wait for a leaf of a random earlier phase, so the critical chain stays a few years long.
  const dependencies: Dependency[] = []
  // The average is over all rows, but only leaves are linked.
  const linksPerTask = ((options.linksPerTask ?? 1.5) * count) / Math.max(1, leafIndexes.length) + 0.02
  const types: DependencyType[] = ['FS', 'FS', 'FS', 'FS', 'FS', 'FS', 'SS', 'FF', 'SF']
  const isLeaf = new Set(leafIndexes)
  const phaseOf = new Int32Array(count)
  const phaseLeaves: number[][] = []
  let phase = -1
  tasks.forEach((task, index) => {
    if (task.level === 1 && !isLeaf.has(index)) {
      phase++
      phaseLeaves.push([])
    }
    phaseOf[index] = Math.max(0, phase)
  })
  if (phaseLeaves.length === 0) phaseLeaves.push([])
  const seen = new Set<number>()
  let dependencyId = 1
  for (let leaf = 0; leaf < leafIndexes.length; leaf++) {
    const successor = tasks[leafIndexes[leaf] as number] as Task
    const ownPhase = phaseOf[leafIndexes[leaf] as number] as number
    const inPhase = phaseLeaves[ownPhase] as number[]
    const links = Math.floor(linksPerTask) + (random() < linksPerTask - Math.floor(linksPerTask) ? 1 : 0)
    for (let link = 0; link < links; link++) {
      let predecessorIndex: number
      if (inPhase.length === 0 || (inPhase.length < 3 && ownPhase > 0 && random() < 0.7)) {
        if (ownPhase === 0) break
        const earlier = phaseLeaves[Math.floor(random() * ownPhase)] as number[]
        if (earlier.length === 0) continue
        predecessorIndex = earlier[Math.floor(random() * earlier.length)] as number
      } else {
        const back = 1 + Math.floor(random() * random() * Math.min(inPhase.length, 30))
        predecessorIndex = inPhase[inPhase.length - back] as number
      }
      const predecessor = tasks[predecessorIndex] as Task
      const key = predecessor.id * 4_000_000 + successor.id
      if (seen.has(key)) continue
      seen.add(key)
      const lagRoll = random()
      dependencies.push({
        id: dependencyId++,
        predecessorId: predecessor.id,
        successorId: successor.id,
        type: types[Math.floor(random() * types.length)] as DependencyType,
        lag: lagRoll < 0.1 ? 480 * (1 + Math.floor(random() * 3)) : lagRoll < 0.13 ? -240 : 0,
        lagUnit: lagRoll < 0.1 ? 'd' : lagRoll < 0.13 ? 'h' : 'd',
      })
    }
    inPhase.push(leafIndexes[leaf] as number)
  }
  plan.dependencies = dependencies

  const resourceCount = options.resources ?? 0
  if (resourceCount > 0) {
    const resources: Resource[] = []
    const roles = ['Developer', 'Tester', 'Architect', 'Analyst', 'Administrator', 'Project manager']
    for (let index = 0; index < resourceCount; index++) {
      const nonWorkingDays = []
      // About one vacation week per resource.
      if (random() < 0.8) {
        const offset = Math.floor(random() * 300)
        const from = new Date(Date.UTC(startYear, 0, 5 + offset))
        const to = new Date(Date.UTC(startYear, 0, 9 + offset))
        nonWorkingDays.push({ from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) })
      }
      resources.push({
        id: index + 1,
        name: `Resource ${index + 1}`,
        role: roles[index % roles.length] as string,
        initials: `R${index + 1}`,
        email: `resource${index + 1}@example.com`,
        maxUnits: random() < 0.2 ? 50 : 100,
        hourlyRate: 40 + Math.floor(random() * 80),
        nonWorkingDays,
        calendarId: null,
      })
    }
    // Resource calendars: built from the index alone, so the plan's random sequence is the same with or without them.
    const calendarCount = options.resourceCalendars ?? 0
    const standardDay = calendar.weekDays[1]?.periods ?? []
    const shapes: Array<{ name: string; periods: { start: number; end: number }[]; days: number[] }> = [
      { name: 'Mornings', periods: [{ start: 480, end: 720 }], days: [1, 2, 3, 4, 5] },
      { name: 'Four days', periods: standardDay, days: [1, 2, 3, 4] },
      { name: 'Late shift', periods: [{ start: 720, end: 1200 }], days: [1, 2, 3, 4, 5] },
      { name: 'Tue-Sat', periods: standardDay, days: [2, 3, 4, 5, 6] },
      {
        name: 'Short days',
        periods: [
          { start: 540, end: 720 },
          { start: 780, end: 960 },
        ],
        days: [1, 2, 3, 4, 5],
      },
    ]
    for (let index = 0; index < calendarCount; index++) {
      const shape = shapes[index % shapes.length] as (typeof shapes)[number]
      const exceptions = [0, 1, 2].map((n) => {
        const date = new Date(Date.UTC(startYear, 1 + n * 3 + (index % 3), 2 + index))
        return {
          name: `Day off ${n + 1}`,
          from: date.toISOString().slice(0, 10),
          to: date.toISOString().slice(0, 10),
          periods: [],
        }
      })
      plan.calendars.push({
        id: 2 + index,
        name: `${shape.name} ${index + 1}`,
        baseCalendarId: 1,
        weekDays: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          periods: shape.days.includes(weekday) ? shape.periods.map((period) => ({ ...period })) : [],
        })),
        exceptions,
        workWeeks: [],
      })
    }
    for (let index = 0; index < Math.min(resources.length, calendarCount * 2); index++) {
      const resource = resources[index] as Resource
      resource.calendarId = 2 + (index % calendarCount)
    }
    plan.resources = resources
    const assignments: Assignment[] = []
    const perTask = options.assignmentsPerTask ?? 1.2
    let assignmentId = 1
    for (const leaf of leafIndexes) {
      const task = tasks[leaf] as Task
      if (task.isMilestone) continue
      const count = Math.floor(perTask) + (random() < perTask - Math.floor(perTask) ? 1 : 0)
      const used = new Set<number>()
      for (let n = 0; n < count; n++) {
        const resourceId = 1 + Math.floor(random() * resourceCount)
        if (used.has(resourceId)) continue
        used.add(resourceId)
        const units = random() < 0.25 ? 50 : 100
        // Microsoft Project's work of a new assignment: units x the task's duration.
        assignments.push(
          makeAssignment(assignmentId++, task.id, resourceId, units, (units * task.duration) / 100),
        )
        task.work += (units * task.duration) / 100
      }
    }
    plan.assignments = assignments
  }
  return plan
}

// ---- Small builders for hand-written scheduling tests ----

/** A plan on the Standard calendar starting Monday 2026-10-05 08:00. */
export function testPlan(
  tasks: Task[],
  dependencies: Dependency[] = [],
  overrides: Partial<Plan> = {},
): Plan {
  return makePlan('test', 'Test', '2026-10-05T08:00:00', '2026-10-01T00:00:00', {
    tasks,
    dependencies,
    ...overrides,
  })
}

/** A task of `days` working days (480 minutes each); 0 days makes a milestone. */
export function task(id: number, days: number, overrides: Partial<Task> = {}): Task {
  return makeTask(id, { name: `T${id}`, duration: days * 480, isMilestone: days === 0, ...overrides })
}

let nextLinkId = 1000

/** A link with a fresh id; the lag is in minutes (or percent for % units). */
export function link(
  predecessorId: number,
  successorId: number,
  type: DependencyType = 'FS',
  lag = 0,
  lagUnit: LagUnit = 'd',
): Dependency {
  return { id: nextLinkId++, predecessorId, successorId, type, lag, lagUnit }
}
