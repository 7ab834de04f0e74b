/**
 * A small seeded PRNG (mulberry32) with the helpers the demo generators need.
 * Same seed, same sequence, on every platform: demo data never uses Math.random.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = Math.trunc(seed) >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** `count` random decimal digits as text, leading zeros kept (count ≤ 15). */
  digits(count: number): string {
    return String(Math.floor(this.next() * 10 ** count)).padStart(count, '0')
  }

  /** Replaces every `x` in a template with a random digit: `+65 9xxx xxxx`. */
  fill(template: string): string {
    let out = ''
    for (const char of template) out += char === 'x' ? String(Math.floor(this.next() * 10)) : char
    return out
  }

  /** Log-uniform integer in [min, max], rounded down to a multiple of `step`: amounts look natural. */
  amount(min: number, max: number, step: number): number {
    const value = Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)))
    return Math.max(min, Math.floor(value / step) * step)
  }
}

/** A picker over `[item, weight]` pairs, cumulative weights computed once (hot in the streaming generator). */
export function weighted<T>(table: readonly (readonly [T, number])[]): (rng: Random) => T {
  const items = table.map(([item]) => item)
  const cumulative: number[] = []
  let total = 0
  for (const [, weight] of table) cumulative.push((total += weight))
  return (rng) => {
    const target = rng.next() * total
    for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]) return items[i]
    return items[items.length - 1]
  }
}
