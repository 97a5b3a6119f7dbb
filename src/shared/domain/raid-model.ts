/**
 * The RAID log of a plan: risks, assumptions, issues and dependencies on things outside the plan, as a project
 * manager reviews them with the team. Items are plain rows in `Plan.raid`, numbered by `id` across all four kinds
 * (shown as R12, A3, I7, D5), linked to tasks and milestones of the plan by task id.
 *
 * Days are calendar days `YYYY-MM-DD` (`IsoDate`): a due date is a day, not a moment.
 */
import type { IsoDate, TaskId } from './model'

export type RaidItemId = number

export const raidKinds = ['risk', 'assumption', 'issue', 'dependency'] as const
export type RaidKind = (typeof raidKinds)[number]

/** The responses to a threat (PMBOK): avoid, mitigate, transfer, accept, escalate. */
export const raidRiskStrategies = ['avoid', 'mitigate', 'transfer', 'accept', 'escalate'] as const
export type RaidRiskStrategy = (typeof raidRiskStrategies)[number]

/** A risk is open until it is closed (no longer a threat) or has occurred (and became an issue). */
export const raidRiskStatuses = ['open', 'occurred', 'closed'] as const
export type RaidRiskStatus = (typeof raidRiskStatuses)[number]

/** An assumption holds until it is checked: confirmed true, or found false. */
export const raidAssumptionStatuses = ['unconfirmed', 'confirmed', 'false'] as const
export type RaidAssumptionStatus = (typeof raidAssumptionStatuses)[number]

export const raidIssuePriorities = ['low', 'medium', 'high', 'critical'] as const
export type RaidIssuePriority = (typeof raidIssuePriorities)[number]

export const raidIssueStatuses = ['open', 'in-progress', 'resolved', 'closed'] as const
export type RaidIssueStatus = (typeof raidIssueStatuses)[number]

/** Something the plan waits for from outside: expected, received, or no longer needed. */
export const raidDependencyStatuses = ['expected', 'received', 'cancelled'] as const
export type RaidDependencyStatus = (typeof raidDependencyStatuses)[number]

/** Probability and impact are rated 1 (very low) to 5 (very high). */
export const raidRatingMin = 1
export const raidRatingMax = 5

type RaidItemBase = {
  id: RaidItemId
  /** What it is, in a line: the risk, the assumption, the issue, or what the plan needs from outside. */
  title: string
  description: string
  /** Who looks after it (a name as the team says it; it need not be a resource of the plan). */
  owner: string
  /**
   * When something must happen by: a risk's response, an issue's fix, an assumption's check, or (for a
   * dependency) the day the plan needs it ("needed by"). An open item past this day is overdue.
   */
  dueDate: IsoDate | null
  /** The tasks and milestones it concerns, in the order they were linked. */
  taskIds: TaskId[]
  /** The day it was logged. */
  raisedOn: IsoDate
}

export type RaidRisk = RaidItemBase & {
  kind: 'risk'
  /** 1 (very unlikely) to 5 (almost certain). */
  probability: number
  /** 1 (very low) to 5 (very high). */
  impact: number
  strategy: RaidRiskStrategy
  /** What is done to make it less likely or less harmful. */
  mitigation: string
  /** The sign that it is about to happen or has happened. */
  trigger: string
  status: RaidRiskStatus
  /** The issue this risk became when it occurred. */
  issueId: RaidItemId | null
}

export type RaidAssumption = RaidItemBase & { kind: 'assumption'; status: RaidAssumptionStatus }

export type RaidIssue = RaidItemBase & {
  kind: 'issue'
  priority: RaidIssuePriority
  status: RaidIssueStatus
  /** How it was resolved (or is being). */
  resolution: string
  /** The risk this issue came from, when a risk occurred. */
  riskId: RaidItemId | null
}

export type RaidDependency = RaidItemBase & {
  kind: 'dependency'
  /** Who delivers it: a team, a supplier, a client, another project. */
  party: string
  status: RaidDependencyStatus
}

export type RaidItem = RaidRisk | RaidAssumption | RaidIssue | RaidDependency
