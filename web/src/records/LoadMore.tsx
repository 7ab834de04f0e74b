import type { UseInfiniteQueryResult } from '@tanstack/react-query'
import { Button, Flex } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListData } from './use-list-query.ts'
import { Muted } from '../app/text.tsx'

/** The next page when the end of the list scrolls into view (unless the list loads by itself) or on the button, 50 rows at a time by cursor. */
export function LoadMore({ query, shown, auto = true }: { query: UseInfiniteQueryResult<ListData>; shown: number; auto?: boolean }) {
  const { t } = useTranslation('records')
  const sentinel = useRef<HTMLDivElement>(null)
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPending } = query
  useEffect(() => {
    const element = sentinel.current
    if (!auto || !element || !hasNextPage) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage()
    }, { rootMargin: '400px' })
    observer.observe(element)
    return () => observer.disconnect()
  }, [auto, hasNextPage, isFetchingNextPage, fetchNextPage])
  if (isPending) return null
  return (
    <Flex ref={sentinel} justify="center" align="center" gap={12} style={{ padding: 12 }}>
      <Muted data-testid="list-shown">{t('shown', { shown })}</Muted>
      {hasNextPage && (
        <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="load-more">{t('loadMore')}</Button>
      )}
    </Flex>
  )
}
