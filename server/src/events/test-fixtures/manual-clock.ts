/** A clock that only moves when told to, for the runner's `clock` option. */
export interface ManualClock {
  (): Date
  advance(ms: number): void
  set(time: Date): void
}

export function manualClock(start = new Date()): ManualClock {
  let now = start.getTime()
  const clock = (() => new Date(now)) as ManualClock
  clock.advance = (ms) => {
    now += ms
  }
  clock.set = (time) => {
    now = time.getTime()
  }
  return clock
}
