import { describe, expect, it } from 'vitest'
import { planLocksCreate } from '../../src/renderer/src/stores/plan-lock'
import { FakeLockManager, fakeChannelBus } from '../support/fake-locks'

describe('plan locks', () => {
  it('lets one window hold a plan; a second one gets null until the first lets go', async () => {
    const manager = new FakeLockManager()
    const bus = fakeChannelBus()
    const first = planLocksCreate(manager, bus.channel())
    const second = planLocksCreate(manager, bus.channel())
    const held = await first.tryAcquire('p1')
    expect(held).not.toBeNull()
    expect(await second.tryAcquire('p1')).toBeNull()
    // Another plan is independent.
    expect(await second.tryAcquire('p2')).not.toBeNull()
    held?.release()
    await held?.released
    expect(await second.tryAcquire('p1')).not.toBeNull()
  })

  it('a take-over asks the holder, which lets go after its work; the holder does not lose the lock by theft', async () => {
    const manager = new FakeLockManager()
    const bus = fakeChannelBus()
    const first = planLocksCreate(manager, bus.channel())
    const second = planLocksCreate(manager, bus.channel())
    const held = await first.tryAcquire('p1')
    if (held === null) throw new Error('not held')
    let isLost = false
    void held.lost.then(() => (isLost = true))
    const steps: string[] = []
    first.onTakeOverRequest('p1', () => {
      steps.push('asked')
      setTimeout(() => {
        steps.push('released')
        held.release()
      }, 20)
    })
    const taken = await second.takeOver('p1')
    steps.push('taken')
    expect(steps).toEqual(['asked', 'released', 'taken'])
    expect(isLost).toBe(false)
    taken.release()
  })

  it('steals the lock from a holder that does not answer, and tells the holder', async () => {
    const manager = new FakeLockManager()
    const bus = fakeChannelBus()
    const first = planLocksCreate(manager, bus.channel())
    const second = planLocksCreate(manager, bus.channel(), 50)
    const held = await first.tryAcquire('p1')
    if (held === null) throw new Error('not held')
    let isLost = false
    void held.lost.then(() => (isLost = true))
    const started = Date.now()
    const taken = await second.takeOver('p1')
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(isLost).toBe(true)
    expect(await first.tryAcquire('p1')).toBeNull()
    taken.release()
  })
})
