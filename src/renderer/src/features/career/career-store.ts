import { createStore, type StoreApi } from 'zustand'
import type { IsoDate } from '../../../../shared/domain/model'
import { dateLocalNow } from '../../../../shared/domain/dates'
import { careerBackupFileName, careerBackupSerialize } from '../../../../shared/career/backup'
import { icsBuild } from '../../../../shared/career/ics'
import { educationLogFileName, type EducationLogExportRow } from '../../../../shared/career/log'
import {
  careerDataEmpty,
  careerProfileDefault,
  type CareerData,
  type CareerGoal,
  type CareerProfile,
  type CertificationRecord,
  type RenewalRoute,
  type SkillAssessment,
} from '../../../../shared/career/model'
import { certificationRenew } from '../../../../shared/career/renewal'
import { certificationRules } from '../../../../shared/career/cycle'
import {
  validateCertification,
  validateEducationEntry,
  validateGoal,
  validateProfile,
  validateSalary,
  type EducationEntryDraft,
  type EducationTarget,
} from '../../../../shared/career/validate'
import { careerDeadlines } from '../../../../shared/career/warnings'
import type { GantryPlatform } from '../../../../shared/ipc/contract'
import {
  careerDbDeleteCertification,
  careerDbDeleteEducationEntry,
  careerDbDeleteGoal,
  careerDbDeleteSalary,
  careerDbErrorFrom,
  careerDbLoad,
  careerDbPutCertification,
  careerDbPutEducationEntry,
  careerDbPutGoal,
  careerDbPutProfile,
  careerDbPutSalary,
  careerDbPutSkill,
  careerDbRestoreBackup,
  type CareerDb,
} from '../../db/career-db'

/** What the career store needs from outside; tests pass their own. */
export type CareerDeps = {
  db: CareerDb
  platform: GantryPlatform
  /** Today's local date, `YYYY-MM-DD`. */
  today: () => IsoDate
  /** The current instant as an ISO UTC string. */
  nowUtc: () => string
  newId: () => string
}

/** A problem with what the user typed: the field it belongs to and a message; `null` means it was accepted. */
export type FieldProblem = { field: string; message: string } | null

export type CareerMessage = { kind: 'error' | 'info'; text: string }

export type CareerState = {
  data: CareerData
  isLoaded: boolean
  /** Counts restores, so forms showing stored values start over after one. */
  restoreCount: number
  /** The outcome of the last page-wide command (backup, restore, calendar export, storage errors). */
  message: CareerMessage | null
  load(): Promise<void>
  messageClear(): void
  profileSave(profile: CareerProfile): Promise<FieldProblem>
  certificationSave(record: CertificationRecord): Promise<FieldProblem>
  certificationDelete(certificationId: string): Promise<void>
  certificationRenew(certificationId: string, renewedOn: string, route: RenewalRoute): Promise<FieldProblem>
  /**
   * Logs an activity for the certifications in `certificationIds` (the first is the one it is logged under; the
   * others must accept its units). `entryId` replaces an existing activity instead of adding one.
   */
  educationSave(
    certificationIds: readonly string[],
    draft: EducationEntryDraft,
    entryId?: string,
  ): Promise<FieldProblem>
  educationDelete(entryId: string): Promise<void>
  /** Remembers the Gantry plan made for preparing a certification's exam. */
  certificationLinkStudyPlan(certificationId: string, planId: string): Promise<FieldProblem>
  salaryAdd(draft: {
    date: string
    amount: string
    currency: string
    role: string
    note: string
  }): Promise<FieldProblem>
  salaryDelete(salaryId: string): Promise<void>
  skillSet(skill: SkillAssessment): Promise<void>
  goalAdd(draft: { title: string; dueOn: string }): Promise<FieldProblem>
  goalToggle(goalId: string): Promise<void>
  goalDelete(goalId: string): Promise<void>
  /** Writes a backup file through the platform. */
  backup(): Promise<boolean>
  /** Picks a backup file through the platform, validates it and replaces all data; a bad file changes nothing. */
  restore(): Promise<boolean>
  /** Writes the deadlines as an `.ics` calendar file through the platform. */
  exportIcs(): Promise<boolean>
  /** Writes education-log lines (as filtered on screen) as CSV or Excel through the platform. */
  exportLog(format: 'csv' | 'xlsx', rows: EducationLogExportRow[]): Promise<boolean>
}

export type CareerStore = StoreApi<CareerState>

/**
 * The career tracker's store: the stored data, reloaded after each change, and the commands of the page.
 * `initial` lets previews and tests start from data already loaded.
 */
export function createCareerStore(deps: CareerDeps, initial: { data?: CareerData } = {}): CareerStore {
  return createStore<CareerState>()((set, get) => {
    const reload = async () => {
      set({ data: await careerDbLoad(deps.db), isLoaded: true })
    }
    /** Runs a storage call; a failure becomes the page message and leaves the shown data as stored. */
    const attempt = async (work: () => Promise<void>): Promise<boolean> => {
      try {
        await work()
        await reload()
        return true
      } catch (error) {
        set({ message: { kind: 'error', text: careerDbErrorFrom(error).message } })
        try {
          await reload()
        } catch {
          // The message above already says storage failed.
        }
        return false
      }
    }
    const storageProblem = (): FieldProblem => ({
      field: 'form',
      message: get().message?.text ?? 'The change could not be stored.',
    })

    return {
      data: initial.data ?? careerDataEmpty(),
      isLoaded: initial.data !== undefined,
      restoreCount: 0,
      message: null,

      async load() {
        await attempt(async () => undefined)
      },

      messageClear() {
        set({ message: null })
      },

      async profileSave(profile) {
        const checked = validateProfile(profile)
        if (!checked.ok) return { field: checked.field, message: checked.message }
        return (await attempt(() => careerDbPutProfile(deps.db, checked.value))) ? null : storageProblem()
      },

      async certificationSave(record) {
        const checked = validateCertification(record, deps.today())
        if (!checked.ok) return { field: checked.field, message: checked.message }
        return (await attempt(() => careerDbPutCertification(deps.db, checked.value)))
          ? null
          : storageProblem()
      },

      async certificationDelete(certificationId) {
        await attempt(() => careerDbDeleteCertification(deps.db, certificationId))
      },

      async certificationRenew(certificationId, renewedOn, route) {
        const record = get().data.certifications.find((item) => item.id === certificationId)
        if (record === undefined)
          return { field: 'renewedOn', message: 'This certification is no longer stored.' }
        const renewed = certificationRenew(record, renewedOn.trim(), route, get().data, deps.today())
        if (!renewed.ok) return { field: renewed.field, message: renewed.message }
        return (await attempt(() => careerDbPutCertification(deps.db, renewed.value)))
          ? null
          : storageProblem()
      },

      async educationSave(certificationIds, draft, entryId) {
        const targets: EducationTarget[] = []
        for (const id of certificationIds) {
          const record = get().data.certifications.find((item) => item.id === id)
          const rules = record === undefined ? null : certificationRules(record)
          if (rules === null)
            return { field: 'form', message: 'A chosen certification is no longer stored; choose again.' }
          targets.push({ id, rules })
        }
        if (entryId !== undefined && !get().data.educationEntries.some((entry) => entry.id === entryId))
          return { field: 'form', message: 'This activity is no longer stored.' }
        const checked = validateEducationEntry(draft, targets, deps.today())
        if (!checked.ok) return { field: checked.field, message: checked.message }
        const entry = { id: entryId ?? deps.newId(), ...checked.value }
        return (await attempt(() => careerDbPutEducationEntry(deps.db, entry))) ? null : storageProblem()
      },

      async educationDelete(entryId) {
        await attempt(() => careerDbDeleteEducationEntry(deps.db, entryId))
      },

      async certificationLinkStudyPlan(certificationId, planId) {
        const record = get().data.certifications.find((item) => item.id === certificationId)
        if (record === undefined) return { field: 'form', message: 'This certification is no longer stored.' }
        return (await attempt(() => careerDbPutCertification(deps.db, { ...record, studyPlanId: planId })))
          ? null
          : storageProblem()
      },

      async salaryAdd(draft) {
        const checked = validateSalary(draft)
        if (!checked.ok) return { field: checked.field, message: checked.message }
        return (await attempt(() => careerDbPutSalary(deps.db, { id: deps.newId(), ...checked.value })))
          ? null
          : storageProblem()
      },

      async salaryDelete(salaryId) {
        await attempt(() => careerDbDeleteSalary(deps.db, salaryId))
      },

      async skillSet(skill) {
        const clamp = (value: number) => Math.min(5, Math.max(1, Math.round(value)))
        await attempt(() =>
          careerDbPutSkill(deps.db, {
            id: skill.id,
            current: clamp(skill.current),
            target: clamp(skill.target),
          }),
        )
      },

      async goalAdd(draft) {
        const checked = validateGoal(draft)
        if (!checked.ok) return { field: checked.field, message: checked.message }
        const goal: CareerGoal = { id: deps.newId(), ...checked.value, isDone: false, doneOn: null }
        return (await attempt(() => careerDbPutGoal(deps.db, goal))) ? null : storageProblem()
      },

      async goalToggle(goalId) {
        const goal = get().data.goals.find((item) => item.id === goalId)
        if (goal === undefined) return
        const next: CareerGoal = goal.isDone
          ? { ...goal, isDone: false, doneOn: null }
          : { ...goal, isDone: true, doneOn: deps.today() }
        await attempt(() => careerDbPutGoal(deps.db, next))
      },

      async goalDelete(goalId) {
        await attempt(() => careerDbDeleteGoal(deps.db, goalId))
      },

      async backup() {
        let text: string
        try {
          text = careerBackupSerialize(await careerDbLoad(deps.db), deps.nowUtc())
        } catch (error) {
          set({ message: { kind: 'error', text: careerDbErrorFrom(error).message } })
          return false
        }
        const result = await deps.platform.invoke['career/backup']({
          text,
          suggestedName: careerBackupFileName(deps.today()),
        })
        if (!result.ok) {
          if (result.error.code !== 'canceled')
            set({ message: { kind: 'error', text: `The backup was not saved: ${result.error.message}` } })
          return false
        }
        set({ message: { kind: 'info', text: `Backup saved to ${result.value.fileName}.` } })
        return true
      },

      async restore() {
        const picked = await deps.platform.invoke['career/restore']()
        if (!picked.ok) {
          if (picked.error.code !== 'canceled')
            set({ message: { kind: 'error', text: `Nothing was restored: ${picked.error.message}` } })
          return false
        }
        try {
          const result = await careerDbRestoreBackup(deps.db, picked.value.text)
          if (!result.ok) {
            set({
              message: {
                kind: 'error',
                text: `${picked.value.fileName} was not restored. ${result.error.message}`,
              },
            })
            return false
          }
        } catch (error) {
          set({
            message: {
              kind: 'error',
              text: `${picked.value.fileName} was not restored, nothing was changed. ${careerDbErrorFrom(error).message}`,
            },
          })
          return false
        }
        await reload()
        set({
          restoreCount: get().restoreCount + 1,
          message: { kind: 'info', text: `Restored ${picked.value.fileName}.` },
        })
        return true
      },

      async exportIcs() {
        const deadlines = careerDeadlines(get().data)
        if (deadlines.length === 0) {
          set({ message: { kind: 'error', text: 'There are no dated deadlines to export yet.' } })
          return false
        }
        const text = icsBuild(deadlines, { nowUtc: deps.nowUtc() })
        const result = await deps.platform.invoke['career/exportIcs']({
          text,
          suggestedName: `gantry-career-deadlines-${deps.today()}.ics`,
        })
        if (!result.ok) {
          if (result.error.code !== 'canceled')
            set({ message: { kind: 'error', text: `The calendar was not saved: ${result.error.message}` } })
          return false
        }
        set({
          message: {
            kind: 'info',
            text: `Calendar with ${deadlines.length} events saved to ${result.value.fileName}.`,
          },
        })
        return true
      },

      async exportLog(format, rows) {
        if (rows.length === 0) {
          set({
            message: { kind: 'error', text: 'There are no logged activities to export with these filters.' },
          })
          return false
        }
        const result = await deps.platform.invoke['career/exportLog']({
          format,
          rows,
          suggestedName: educationLogFileName(deps.today()),
        })
        if (!result.ok) {
          if (result.error.code !== 'canceled')
            set({
              message: { kind: 'error', text: `The education log was not saved: ${result.error.message}` },
            })
          return false
        }
        const activities = new Set(rows.map((row) => row.entry)).size
        set({
          message: {
            kind: 'info',
            text: `Education log with ${activities} ${activities === 1 ? 'activity' : 'activities'} saved to ${result.value.fileName}.`,
          },
        })
        return true
      },
    }
  })
}

/** Today's local date, `YYYY-MM-DD`. */
export function localToday(): IsoDate {
  return dateLocalNow().slice(0, 10)
}

/** A profile to edit: the stored one or an empty one. */
export function profileOrDefault(data: CareerData): CareerProfile {
  return data.profile ?? careerProfileDefault()
}
