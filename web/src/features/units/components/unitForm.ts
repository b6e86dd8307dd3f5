export interface UnitFormValues {
  code: string;
  name: string;
  parent_id: string;
  location_type: string;
  unlocode: string;
}

export const UNIT_FIELDS = ['code', 'name', 'parent_id', 'location_type', 'unlocode'];

export function unitValidators(t: (k: string) => string) {
  return {
    code: (v: string) => (v.trim() ? null : t('validation.required')),
    name: (v: string) => (v.trim() ? null : t('validation.required')),
    unlocode: (v: string) => (!v.trim() || /^[A-Z]{2}\s?[A-Z0-9]{3}$/.test(v.trim()) ? null : t('validation.unlocode')),
  };
}
