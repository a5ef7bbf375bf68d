import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { infoKeys } from '../../../lib/api/query-keys';
import type { Info } from './get-infos';

export type CreateInfoInput = ApiSchema<'CreateInfoDto'>;
export type UpdateInfoInput = ApiSchema<'UpdateInfoDto'>;

export interface SaveInfoInput {
  id?: string;
  fields: CreateInfoInput;
  /** A PDF to attach after saving; `null` removes the current one. */
  attachment?: File | null;
}

export function uploadAttachment(id: string, file: File): Promise<Info> {
  return unwrap(
    api.POST('/api/infos/{id}/attachment', {
      params: { path: { id } },
      body: { file },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);
        return form;
      },
    }),
  );
}

/** Creates or updates the info, then attaches or removes its PDF. */
export async function saveInfo({ id, fields, attachment }: SaveInfoInput): Promise<Info> {
  let info = id
    ? await unwrap(api.PATCH('/api/infos/{id}', { params: { path: { id } }, body: fields }))
    : await unwrap(api.POST('/api/infos', { body: fields }));
  if (attachment) info = await uploadAttachment(info.id, attachment);
  else if (attachment === null && info.attachment) info = await unwrap(api.DELETE('/api/infos/{id}/attachment', { params: { path: { id: info.id } } }));
  return info;
}

export function useSaveInfo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveInfo,
    onSuccess: (info) => {
      queryClient.setQueryData(infoKeys.detail(info.id), info);
      return queryClient.invalidateQueries({ queryKey: infoKeys.lists() });
    },
  });
}

export function useDeleteInfo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/infos/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: infoKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: infoKeys.lists() });
    },
  });
}

export function useInfoToNote() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/infos/{id}/note', { params: { path: { id } }, body: { kind: 'note_technique' } })),
  });
}

/** The author (or the secretariat) puts the info on the public site, or back to members only. */
export function useSetInfoVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, visibility }: { id: string; visibility: 'members' | 'public' }) =>
      unwrap(api.PATCH('/api/infos/{id}', { params: { path: { id } }, body: { visibility } })),
    onSuccess: (info) => {
      queryClient.setQueryData(infoKeys.detail(info.id), info);
      return queryClient.invalidateQueries({ queryKey: infoKeys.lists() });
    },
  });
}
