import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';

/** A supertest parser that keeps the body as bytes (`.buffer(true).parse(binaryBody)`). */
export function binaryBody(response: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The PDF's text through poppler when the machine has it; null otherwise. */
export function pdfText(pdf: Buffer): string | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'coupole-pdf-'));
    writeFileSync(join(dir, 'file.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'file.pdf'), '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}
