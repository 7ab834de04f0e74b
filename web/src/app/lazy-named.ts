import { lazy, type ComponentType } from 'react'

/**
 * A component downloaded on first render (a page, a drawer, an editor), so the first screen only
 * carries the code it shows. `name` is the module's named export.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<Name extends string, Props = any>(load: () => Promise<Record<Name, ComponentType<Props>>>, name: Name) {
  let loading: Promise<Record<Name, ComponentType<Props>>> | undefined
  const preload = () => (loading ??= load())
  return Object.assign(lazy(() => preload().then((module) => ({ default: module[name] }))), { preload })
}
