import { useQueries } from '@tanstack/react-query'
import type { Filter } from '../api/records.ts'
import { aggregateKey, fetchAggregate, type AggregateQuery, type SumByCurrency } from '../api/aggregate.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { currencyFieldOf, pipelineStage, type Relationship } from './related-objects.ts'

export type FigureKind = 'openDeals' | 'won' | 'lastContact'

export interface Figure {
  kind: FigureKind
  count?: number
  /** Exact decimal amounts per currency. */
  sums?: SumByCurrency
  /** ISO datetime of the latest activity. */
  at?: string | null
}

interface FigureSpec {
  kind: FigureKind
  object: string
  query: AggregateQuery
}

/**
 * What to count for a record, derived from who points at it: the first sales pipeline related to
 * it gives open deals and total won; activities give the last contact.
 */
export function figureSpecs(object: ObjectMeta, record: { id: string }, relationships: Relationship[]): FigureSpec[] {
  const specs: FigureSpec[] = []
  const pipeline = relationships.find((relationship) => pipelineStage(relationship.object) && relationship.object.name !== 'activities')
  if (pipeline) {
    const stage = pipelineStage(pipeline.object)!
    const sum = currencyFieldOf(pipeline.object)?.name
    const link: Filter = { [pipeline.field.name]: { eq: record.id } }
    specs.push({ kind: 'openDeals', object: pipeline.object.name, query: { filter: { ...link, [stage.name]: { nin: ['won', 'lost'] } }, sum } })
    specs.push({ kind: 'won', object: pipeline.object.name, query: { filter: { ...link, [stage.name]: { eq: 'won' } }, sum } })
  }
  const activity = relationships.find((relationship) => relationship.object.name === 'activities')
  if (activity) specs.push({ kind: 'lastContact', object: 'activities', query: { filter: { [activity.field.name]: { eq: record.id } }, max: 'created_at' } })
  else if (object.name !== 'activities') {
    specs.push({ kind: 'lastContact', object: 'activities', query: { filter: { related_object: { eq: object.name }, related_id: { eq: record.id } }, max: 'created_at' } })
  }
  return specs
}

/** The header figures of a record, each one aggregate request. */
export function useRecordFigures(object: ObjectMeta, record: { id: string }, relationships: Relationship[], readable: (name: string) => boolean): Figure[] {
  const specs = figureSpecs(object, record, relationships).filter((spec) => readable(spec.object))
  const results = useQueries({
    queries: specs.map((spec) => ({
      queryKey: aggregateKey(spec.object, spec.query),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchAggregate(spec.object, spec.query, signal),
    })),
  })
  return specs.map((spec, index) => {
    const data = results[index].data
    return { kind: spec.kind, count: data?.count, sums: data?.sum_by_currency, at: (data?.max as string | null | undefined) ?? null }
  })
}
