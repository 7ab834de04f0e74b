import { Grid } from 'antd'

/**
 * A phone-sized screen (narrower than antd's `md`, 768 px). Before the breakpoints are measured
 * (the first render) the answer is "no", so a desktop does not fetch the phone layout's code first.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false
}
