/**
 * Finds one dependency cycle in a directed graph of `nodeCount` nodes, iteratively (no recursion, so a
 * 100,000-task chain cannot overflow the stack).
 * @param successors successors[i] lists the nodes that depend on node i
 * @returns the nodes of one cycle in link order (the first node is not repeated at the end), or null
 */
export function mspdiFindCycle(nodeCount: number, successors: readonly (readonly number[])[]): number[] | null {
  // 0 = unvisited, 1 = on the current path, 2 = done.
  const state = new Uint8Array(nodeCount)
  const parent = new Int32Array(nodeCount).fill(-1)
  const nextEdge = new Int32Array(nodeCount)
  const stack: number[] = []
  for (let root = 0; root < nodeCount; root++) {
    if (state[root] !== 0) continue
    stack.push(root)
    state[root] = 1
    while (stack.length > 0) {
      const node = stack[stack.length - 1] as number
      const edges = successors[node] ?? []
      const edgeIndex = nextEdge[node] as number
      if (edgeIndex >= edges.length) {
        state[node] = 2
        stack.pop()
        continue
      }
      nextEdge[node] = edgeIndex + 1
      const next = edges[edgeIndex] as number
      if (state[next] === 0) {
        parent[next] = node
        state[next] = 1
        stack.push(next)
      } else if (state[next] === 1) {
        // `next` is on the current path: the cycle is next -> ... -> node -> next.
        const cycle: number[] = []
        for (let current = node; current !== next && current !== -1; current = parent[current] as number) cycle.push(current)
        cycle.push(next)
        return cycle.reverse()
      }
    }
  }
  return null
}
