import { StreamableFile } from '@nestjs/common';
import type { InfoAttachmentFile } from './infos.service';

/** A stored PDF as a download: never rendered inline by the browser, never sniffed. */
export function pdfDownload(file: InfoAttachmentFile): StreamableFile {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(file.content, {
    type: 'application/pdf',
    length: file.content.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
