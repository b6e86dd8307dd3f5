export interface AuditFilterValues {
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { actor: '', action: '', object_type: '', object_id: '', from: '', to: '' };
