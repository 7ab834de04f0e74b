import { describe, expect, it } from 'vitest'
import { periodParts } from './funnel-periods.ts'

describe('a funnel period as whole months and edge days', () => {
  it('reads every month when the period is open', () => {
    expect(periodParts({})).toEqual({ months: { from: undefined, to: undefined }, days: [] })
  })

  it('reads whole months alone when the period is made of them', () => {
    expect(periodParts({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ months: { from: '2026-01-01', to: '2026-12-01' }, days: [] })
    expect(periodParts({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] })
  })

  it('reads the days around the whole months', () => {
    expect(periodParts({ from: '2026-01-10', to: '2026-04-02' })).toEqual({
      months: { from: '2026-02-01', to: '2026-03-01' },
      days: [{ from: '2026-01-10', to: '2026-01-31' }, { from: '2026-04-01', to: '2026-04-02' }],
    })
    expect(periodParts({ from: '2025-12-15' })).toEqual({ months: { from: '2026-01-01', to: undefined }, days: [{ from: '2025-12-15', to: '2025-12-31' }] })
    expect(periodParts({ to: '2026-03-30' })).toEqual({ months: { from: undefined, to: '2026-02-01' }, days: [{ from: '2026-03-01', to: '2026-03-30' }] })
  })

  it('reads only days when no whole month fits', () => {
    expect(periodParts({ from: '2026-03-03', to: '2026-03-05' })).toEqual({ days: [{ from: '2026-03-03', to: '2026-03-05' }] })
    expect(periodParts({ from: '2026-01-20', to: '2026-02-10' })).toEqual({ days: [{ from: '2026-01-20', to: '2026-02-10' }] })
    expect(periodParts({ from: '2026-01-02', to: '2026-02-28' })).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, days: [{ from: '2026-01-02', to: '2026-01-31' }] })
  })
})
