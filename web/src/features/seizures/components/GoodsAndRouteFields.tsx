import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { CodeSelect } from '@/components/CodeSelect';
import { fieldId } from '@/lib/formErrors';
import { emptyGoods, emptyLeg, type CaseFormValues, type GoodsValues } from '../lib/caseForm';
import { CASE_FORM } from '../lib/fieldErrors';
import { formatNumber } from '../lib/format';

type Form = UseFormReturnType<CaseFormValues>;

function MassPreview({ g }: { g: GoodsValues }) {
  const { t, i18n } = useTranslation();
  const units = useCodeBook('units_of_measure');
  const entry = units.entries.find((e) => e.code === g.unit);
  const factor = (entry?.attributes as Record<string, unknown> | undefined)?.kg_factor;
  const q = typeof g.quantity === 'number' ? g.quantity : Number(String(g.quantity).replace(',', '.'));
  if (typeof factor !== 'number' || !Number.isFinite(q) || q <= 0) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="mass-preview">
      {t('seizures.goods.massPreview', { kg: formatNumber(q * factor, i18n.language) })}
    </Text>
  );
}

export function GoodsFields({ form, nationalCurrency = null }: { form: Form; nationalCurrency?: string | null }) {
  const { t } = useTranslation();
  const g = (i: number, f: string) => `goods.${i}.${f}`;
  return (
    <Stack gap="sm">
      {typeof form.errors.goods === 'string' || form.errors.goods ? (
        <Text c="red.8" size="sm" role="alert" id={fieldId(CASE_FORM, 'goods')}>
          {form.errors.goods}
        </Text>
      ) : null}
      {form.values.goods.map((item, i) => (
        <Paper key={item.key} withBorder p="sm" component="fieldset" style={{ margin: 0 }} data-testid="goods-item">
          <Group justify="space-between" mb="xs">
            <Text component="legend" fw={600} size="sm" style={{ float: 'inline-start', padding: 0 }}>
              {t('seizures.goods.itemN', { n: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red.9"
              onClick={() => form.removeListItem('goods', i)}
              aria-label={t('seizures.goods.remove', { n: i + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
          {form.errors[`goods.${i}`] && (
            <Text c="red.8" size="sm" role="alert" mb="xs" id={fieldId(CASE_FORM, `goods.${i}`)}>
              {form.errors[`goods.${i}`]}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <CodeSelect
              list="commodity_groups"
              label={t('seizures.fields.commodity_group')}
              withAsterisk
              {...form.getInputProps(g(i, 'commodity_group'))}
              onChange={(v) => {
                form.setFieldValue(g(i, 'commodity_group'), v);
                form.setFieldValue(g(i, 'commodity_type'), null);
              }}
            />
            <CodeSelect
              list="commodity_types"
              parent={item.commodity_group ?? null}
              label={t('seizures.fields.commodity_type')}
              disabled={!item.commodity_group}
              {...form.getInputProps(g(i, 'commodity_type'))}
            />
            <Stack gap={2}>
              <NumberInput label={t('seizures.fields.quantity')} withAsterisk min={0} decimalScale={3} allowNegative={false} {...form.getInputProps(g(i, 'quantity'))} />
              <MassPreview g={item} />
            </Stack>
            <CodeSelect list="units_of_measure" label={t('seizures.fields.measure_unit')} withAsterisk {...form.getInputProps(g(i, 'unit'))} />
            <TextInput label={t('seizures.fields.hs_code')} description={t('seizures.goods.hsHelp')} inputMode="numeric" {...form.getInputProps(g(i, 'hs_code'))} />
            <TextInput label={t('seizures.fields.description')} {...form.getInputProps(g(i, 'description'))} />
            <NumberInput label={t('seizures.fields.value')} min={0} allowNegative={false} thousandSeparator=" " {...form.getInputProps(g(i, 'value'))} />
            <CodeSelect list="currencies" first={nationalCurrency} label={t('seizures.fields.currency')} {...form.getInputProps(g(i, 'currency'))} />
            <TextInput label={t('seizures.fields.packaging')} {...form.getInputProps(g(i, 'packaging'))} />
            <TextInput label={t('seizures.fields.brand')} {...form.getInputProps(g(i, 'brand'))} />
            <TextInput label={t('seizures.fields.species')} {...form.getInputProps(g(i, 'species'))} />
            <Select label={t('seizures.fields.cites_appendix')} clearable data={['I', 'II', 'III']} {...form.getInputProps(g(i, 'cites_appendix'))} />
            <NumberInput label={t('seizures.fields.purity_percent')} min={0} max={100} suffix=" %" {...form.getInputProps(g(i, 'purity_percent'))} />
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('goods', emptyGoods(nationalCurrency))}>
          {t('seizures.goods.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Route legs in order; positions are the order shown (1..n, no gaps), changed with the arrows. */
export function RouteFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const r = (i: number, f: string) => `route.${i}.${f}`;
  const legs = form.values.route;
  return (
    <Stack gap="sm">
      {form.errors.route && (
        <Text c="red.8" size="sm" role="alert" id={fieldId(CASE_FORM, 'route')}>
          {form.errors.route}
        </Text>
      )}
      {legs.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('seizures.route.none')}
        </Text>
      )}
      {legs.map((leg, i) => (
        <Paper key={leg.key} withBorder p="sm" component="fieldset" style={{ margin: 0 }} data-testid="route-leg-fields">
          <Group justify="space-between" mb="xs">
            <Group gap="xs">
              <Badge circle variant="filled" aria-hidden>
                {i + 1}
              </Badge>
              <Text component="legend" fw={600} size="sm" style={{ padding: 0 }}>
                {t('seizures.route.legN', { n: i + 1 })}
              </Text>
            </Group>
            <Group gap={4}>
              <ActionIcon variant="subtle" disabled={i === 0} onClick={() => form.reorderListItem('route', { from: i, to: i - 1 })} aria-label={t('seizures.route.moveUp', { n: i + 1 })}>
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === legs.length - 1}
                onClick={() => form.reorderListItem('route', { from: i, to: i + 1 })}
                aria-label={t('seizures.route.moveDown', { n: i + 1 })}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red.9" onClick={() => form.removeListItem('route', i)} aria-label={t('seizures.route.remove', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
          {form.errors[`route.${i}`] && (
            <Text c="red.8" size="sm" role="alert" mb="xs" id={fieldId(CASE_FORM, `route.${i}`)}>
              {form.errors[`route.${i}`]}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <CodeSelect list="countries" label={t('seizures.route.country')} withAsterisk {...form.getInputProps(r(i, 'country'))} />
            <CodeSelect list="route_leg_roles" label={t('seizures.route.role')} withAsterisk {...form.getInputProps(r(i, 'role'))} />
            <TextInput label={t('seizures.route.place')} {...form.getInputProps(r(i, 'place'))} />
            <TextInput label={t('seizures.fields.unlocode')} placeholder="NLRTM" maxLength={6} {...form.getInputProps(r(i, 'unlocode'))} />
            <TextInput type="date" label={t('seizures.route.departure')} {...form.getInputProps(r(i, 'departure_date'))} />
            <TextInput type="date" label={t('seizures.route.arrival')} {...form.getInputProps(r(i, 'arrival_date'))} />
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('route', emptyLeg())}>
          {t('seizures.route.add')}
        </Button>
      </Group>
    </Stack>
  );
}
