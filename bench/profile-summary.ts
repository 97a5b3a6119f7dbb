/**
 * Prints where a Chromium CPU profile (`.cpuprofile`, as written by `PROFILE=folder npm run bench:ui`) spent its
 * time: the functions with the most self time and the most total time (time with their callees, counted once per
 * sample even when a function is on the stack twice). Build the bench page with BENCH_MINIFY=0 for real names.
 * Usage: `npx tsx bench/profile-summary.ts file.cpuprofile [rows]`.
 */
import { readFileSync } from 'node:fs'

type Frame = { functionName: string; url: string; lineNumber: number }
type ProfileNode = { id: number; callFrame: Frame; children?: number[] }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

function label(frame: Frame): string {
  const file = frame.url.split('/').pop() ?? ''
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
}

function main(): void {
  const [path, rowsText] = process.argv.slice(2)
  if (path === undefined) throw new Error('usage: profile-summary <file.cpuprofile> [rows]')
  const rows = Number(rowsText ?? 30)
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile
  const byId = new Map<number, ProfileNode>()
  const parent = new Map<number, number>()
  for (const node of profile.nodes) {
    byId.set(node.id, node)
    for (const child of node.children ?? []) parent.set(child, node.id)
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index + 1] ?? 0) / 1000
    all += delta
    const node = byId.get(id)
    if (node === undefined) return
    const own = label(node.callFrame)
    self.set(own, (self.get(own) ?? 0) + delta)
    const seen = new Set<string>()
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current)
      if (frame === undefined) break
      const name = label(frame.callFrame)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + delta)
    }
  })
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${name}`)
      .join('\n')
  console.log(`profile: ${all.toFixed(1)} ms sampled\n\nself time:\n${top(self)}\n\ntotal time:\n${top(total)}`)
}

main()
