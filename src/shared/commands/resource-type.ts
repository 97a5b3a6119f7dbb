/**
 * A resource's type (issue 16): a work resource (people, equipment: costs per time worked) or a material (costs per
 * unit consumed), and a material's label (its unit: "t", "licence"). As in Microsoft Project, the type of a resource
 * with assignments is not changed (its assignments' work would change meaning: hours of work against quantities).
 */
import { resourceTypes, type ResourceId, type ResourceType } from '../domain/model'
import { commandDefine, commandDone, commandRefuse } from './types'

/** Longest material label (Microsoft Project's field holds a short unit name). */
export const resourceMaterialLabelMaxLength = 50

/** The resource types as the resource sheet names them. */
export const resourceTypeNames: Record<ResourceType, string> = { work: 'Work', material: 'Material' }

/** A resource's type. A material's rates are per unit, a work resource's per hour; the amounts stay. */
export const resourceSetType = commandDefine({
  id: 'resource/set-type',
  label: 'Change resource type',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; type: ResourceType }) {
    if (!(resourceTypes as readonly string[]).includes(input.type)) return commandRefuse(`"${String(input.type).slice(0, 20)}" is not a resource type; choose Work or Material.`)
    const index = plan.resources.findIndex((resource) => resource.id === input.resourceId)
    const current = plan.resources[index]
    if (current === undefined) return commandRefuse('This resource no longer exists.')
    if (current.type === input.type) return commandDone(plan)
    const assigned = plan.assignments.filter((assignment) => assignment.resourceId === current.id).length
    if (assigned > 0)
      return commandRefuse(
        `${current.name} is assigned to ${assigned} task${assigned === 1 ? '' : 's'}: its work would become ${input.type === 'material' ? 'quantities' : 'hours'}. Remove the assignments first, or add a new ${input.type === 'material' ? 'material' : 'work resource'}.`,
      )
    const unit = input.type === 'material' ? 'unit' : 'h'
    const resources = plan.resources.slice()
    resources[index] = {
      ...current,
      type: input.type,
      standardRateUnit: unit,
      overtimeRateUnit: unit,
      // A material has no overtime.
      overtimeRate: input.type === 'material' ? 0 : current.overtimeRate,
      materialLabel: input.type === 'material' ? current.materialLabel : '',
    }
    return commandDone({ ...plan, resources })
  },
})

/** A material's label: the unit its quantities and rate are in. */
export const resourceSetMaterialLabel = commandDefine({
  id: 'resource/set-material-label',
  label: 'Change material label',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; text: string }) {
    const index = plan.resources.findIndex((resource) => resource.id === input.resourceId)
    const current = plan.resources[index]
    if (current === undefined) return commandRefuse('This resource no longer exists.')
    if (current.type !== 'material') return commandRefuse(`${current.name} is a work resource: only a material has a material label.`)
    const label = input.text.trim()
    if (label.length > resourceMaterialLabelMaxLength) return commandRefuse(`A material label can be at most ${resourceMaterialLabelMaxLength} characters.`)
    if (label === current.materialLabel) return commandDone(plan)
    const resources = plan.resources.slice()
    resources[index] = { ...current, materialLabel: label }
    return commandDone({ ...plan, resources })
  },
})
