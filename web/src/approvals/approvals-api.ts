import { request } from '../api/client.ts'

export interface Person {
  id: string
  name: string
}

export interface ApprovalStep {
  position: number
  approver: Person | null
  approver_role: string | null
  status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped' | 'cancelled'
  decided_by: Person | null
  comment: string | null
  decided_at: string | null
}

export interface Approval {
  id: string
  title: string | null
  related_object: string
  related_id: string
  rule: { id: string; name: string }
  status: 'pending' | 'approved' | 'rejected' | 'cancelled'
  current_step: number | null
  submitted_by: Person | null
  comment: string | null
  created_at: string
  decided_at: string | null
  can_decide: boolean
  steps: ApprovalStep[]
}

export interface ApplicableRule {
  id: string
  name: string
  status_field: string
  guarded_value: string
  /** required: no request yet (or the last was rejected or voided). */
  state: 'required' | 'pending' | 'approved'
}

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: (box: 'mine' | 'submitted') => ['approvals', 'inbox', box] as const,
  record: (object: string, id: string) => ['approvals', 'record', object, id] as const,
  settings: ['approvals', 'settings'] as const,
}

export const approvalsApi = {
  inbox: (box: 'mine' | 'submitted') => request<{ data: Approval[] }>(`/api/v1/approvals/inbox?box=${box}`),
  forRecord: (object: string, id: string) =>
    request<{ data: Approval[]; rules: ApplicableRule[] }>(`/api/v1/approvals/record/${encodeURIComponent(object)}/${encodeURIComponent(id)}`),
  submit: (object: string, recordId: string, ruleId: string, comment: string) =>
    request<Approval>('/api/v1/approvals', { method: 'POST', body: { object, record_id: recordId, rule_id: ruleId, ...(comment && { comment }) } }),
  decide: (id: string, decision: 'approve' | 'reject', comment: string) =>
    request<Approval>(`/api/v1/approvals/${id}/${decision}`, { method: 'POST', body: comment ? { comment } : {} }),
  cancel: (id: string) => request<Approval>(`/api/v1/approvals/${id}/cancel`, { method: 'POST', body: {} }),
  settings: () => request<{ quote_discount_threshold: number | null; rule_id: string | null }>('/api/v1/approvals/settings'),
  saveSettings: (threshold: number | null) =>
    request<{ quote_discount_threshold: number | null }>('/api/v1/approvals/settings', { method: 'PATCH', body: { quote_discount_threshold: threshold } }),
}
