import { useQuery } from '@tanstack/react-query'
import { Badge } from 'antd'
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts'

/** How many approval requests wait for the caller, as a badge beside the navigation entry. */
export function ApprovalsWaiting() {
  const inbox = useQuery({ queryKey: approvalKeys.inbox('mine'), queryFn: () => approvalsApi.inbox('mine'), refetchInterval: 120_000 })
  return <Badge count={inbox.data?.data.length ?? 0} size="small" data-testid="approvals-waiting" />
}
