import type { TFunction } from 'i18next'

/** "3 d 4 h", "5 h 20 min", "12 min": how long a deal stayed in a stage. */
export function formatDuration(t: TFunction, seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const hours = Math.floor(minutes / 60)
  const days = Math.floor(hours / 24)
  if (days > 0) return t('duration.days', { days, hours: hours % 24 })
  if (hours > 0) return t('duration.hours', { hours, minutes: minutes % 60 })
  return t('duration.minutes', { minutes })
}
