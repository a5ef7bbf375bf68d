import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { iliKeys } from '../../../lib/api/query-keys';

export type IliImportResult = ApiSchema<'IliImportResponseDto'>;

/** Multipart upload of a .csv or .xlsx; with `dryRun` the server only checks it. */
export function importIlis(file: File, dryRun: boolean): Promise<IliImportResult> {
  return unwrap(
    api.POST('/api/ilis/import', {
      params: { query: { dryRun: dryRun ? '1' : '0' } },
      body: { file } as never,
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);
        return form;
      },
    }),
  );
}

export function useImportIlis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importIlis(file, dryRun),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: iliKeys.all });
    },
  });
}
