import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { StatsQuery } from '@/api/types';
import { saveResponse, type ExportFormat } from '@/lib/download';

export const statsKeys = {
  all: ['stats'] as const,
  seizures: (q: StatsQuery) => ['stats', 'seizures', q] as const,
};

/**
 * The statistics table a query asks for. Each read is audited by the server, so a table is
 * not read again while it stays on screen (a minute), and the previous table stays shown while
 * the next one loads.
 */
export function useSeizureStats(query: StatsQuery) {
  return useQuery({
    queryKey: statsKeys.seizures(query),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/stats/seizures', { params: { query }, signal })),
  });
}

/**
 * The same table as a CSV or XLSX file (its rows, then a total row), saved under the
 * server's name; fetched with the bearer token, so not a plain link. The server records the
 * export in the audit trail.
 */
export async function exportStats(format: ExportFormat, query: StatsQuery): Promise<string> {
  const result = await api.GET('/api/v1/stats/seizures/export/{format}', {
    params: { path: { format }, query },
    parseAs: 'blob',
  });
  return saveResponse(result, `seizure-statistics.${format}`);
}

export function useStatsExport() {
  return useMutation({
    mutationFn: ({ format, query }: { format: ExportFormat; query: StatsQuery }) => exportStats(format, query),
  });
}
