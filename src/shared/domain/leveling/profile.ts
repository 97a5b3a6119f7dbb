/**
 * The data structures of the serial leveling pass: a resource's committed load over time, and the queue of tasks
 * ready to be placed.
 */
import { levelingEpsilon } from './rules'

/** Per-resource committed load: breakpoints and the summed units from each breakpoint to the next. */
export class LevelingProfile {
  times: number[] = [Number.NEGATIVE_INFINITY]
  rates: number[] = [0]

  /** Index of the last breakpoint at or before `time`. */
  private find(time: number): number {
    let low = 0
    let high = this.times.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.times[middle] as number) <= time) low = middle
      else high = middle - 1
    }
    return low
  }

  private split(time: number): number {
    const index = this.find(time)
    if (this.times[index] === time) return index
    this.times.splice(index + 1, 0, time)
    this.rates.splice(index + 1, 0, this.rates[index] as number)
    return index + 1
  }

  /** Commits `units` percent of the resource from wall minute `from` to `to`. */
  add(from: number, to: number, units: number): void {
    if (!(to > from)) return
    const first = this.split(from)
    const last = this.split(to)
    for (let index = first; index < last; index++) this.rates[index] = (this.rates[index] as number) + units
  }

  /** The end of the last stretch within [from, to) where adding `units` would exceed `capacity`, or -Infinity. */
  lastConflictEnd(from: number, to: number, units: number, capacity: number): number {
    let end = Number.NEGATIVE_INFINITY
    for (
      let index = this.find(from);
      index < this.times.length && (this.times[index] as number) < to;
      index++
    ) {
      if ((this.rates[index] as number) + units > capacity + levelingEpsilon) {
        end = this.times[index + 1] ?? Number.POSITIVE_INFINITY
      }
    }
    return end
  }
}

/** A small binary heap of task indexes ordered by a comparison function. */
export class LevelingHeap {
  private readonly items: number[] = []
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length
  }
  push(item: number): void {
    const items = this.items
    items.push(item)
    let index = items.length - 1
    while (index > 0) {
      const up = (index - 1) >> 1
      if (!this.before(items[index] as number, items[up] as number)) break
      ;[items[index], items[up]] = [items[up] as number, items[index] as number]
      index = up
    }
  }
  pop(): number {
    const items = this.items
    const top = items[0] as number
    const last = items.pop() as number
    if (items.length > 0) {
      items[0] = last
      let index = 0
      for (;;) {
        const left = index * 2 + 1
        const right = left + 1
        let best = index
        if (left < items.length && this.before(items[left] as number, items[best] as number)) best = left
        if (right < items.length && this.before(items[right] as number, items[best] as number)) best = right
        if (best === index) break
        ;[items[index], items[best]] = [items[best] as number, items[index] as number]
        index = best
      }
    }
    return top
  }
}
