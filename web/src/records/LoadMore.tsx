import type { UseInfiniteQueryResult } from '@tanstack/react-query'
import { Button, Flex, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListData } from './use-list-query.ts'

/** The next page when the end of the list scrolls into view (or on the button), 50 rows at a time by cursor. */
export function LoadMore({ query, shown }: { query: UseInfiniteQueryResult<ListData>; shown: number }) {
  const { t } = useTranslation('records')
  const sentinel = useRef<HTMLDivElement>(null)
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPending } = query
  useEffect(() => {
    const element = sentinel.current
    if (!element || !hasNextPage) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage()
    }, { rootMargin: '400px' })
    observer.observe(element)
    return () => observer.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  if (isPending) return null
  return (
    <Flex ref={sentinel} justify="center" align="center" gap={12} style={{ padding: 12 }}>
      <Typography.Text type="secondary" data-testid="list-shown">{t('shown', { shown })}</Typography.Text>
      {hasNextPage && (
        <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="load-more">{t('loadMore')}</Button>
      )}
    </Flex>
  )
}
