export * from './spec'
export * from './render'
export * from './build'
export * from './plan-table'
