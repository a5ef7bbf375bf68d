import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Repository } from 'typeorm';
import type { AppConfigService } from '../config/app-config.service';
import { validateEnvironment } from '../config/environment';
import { MailService } from './mail.service';
import type { OutboxMail } from './outbox-mail.entity';

/** The smallest SMTP server nodemailer will talk to: it records each message's envelope and data. */
function fakeSmtpServer(received: { from: string; to: string[]; data: string }[]): Server {
  return createServer((socket: Socket) => {
    let message = { from: '', to: [] as string[], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 localhost ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(message);
            message = { from: '', to: [], data: '' };
            socket.write('250 OK queued\r\n');
          } else {
            message.data += `${line}\n`;
          }
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 localhost\r\n');
        else if (/^MAIL FROM:/i.test(line)) {
          message.from = line.slice(10);
          socket.write('250 OK\r\n');
        } else if (/^RCPT TO:/i.test(line)) {
          message.to.push(line.slice(8));
          socket.write('250 OK\r\n');
        } else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
}

function outboxRepository() {
  const inserted: Partial<OutboxMail>[] = [];
  const repository = { insert: jest.fn(async (rows: Partial<OutboxMail>[]) => inserted.push(...rows)) } as unknown as Repository<OutboxMail>;
  return { repository, inserted };
}

const mail = { to: 'codef@demo.coupole.be', subject: 'Tour de consensus n° 1 ouvert : « Mémorandum »', text: 'Bonjour Catherine,\n\nÉchéance : 2 juillet 2026 à 10:15.' };

describe(MailService.name, () => {
  it('keeps mails in the outbox when no SMTP_URL is configured', async () => {
    const { repository, inserted } = outboxRepository();
    const sut = new MailService({ smtpUrl: undefined, mailFrom: 'Coupole <no-reply@coupole.be>' } as AppConfigService, repository);

    await sut.send([mail]);

    expect(inserted).toEqual([mail]);
  });

  it('sends through SMTP_URL, from MAIL_FROM, and keeps nothing in the outbox', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    const server = fakeSmtpServer(received);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { repository, inserted } = outboxRepository();
    const sut = new MailService(
      { smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, mailFrom: 'Secrétariat Coupole <secretariat@coupole.be>' } as AppConfigService,
      repository,
    );
    try {
      await sut.send([mail]);
    } finally {
      sut.onApplicationShutdown();
      await new Promise((resolve) => server.close(resolve));
    }

    expect(inserted).toEqual([]);
    expect(received).toHaveLength(1);
    expect(received[0].from).toContain('secretariat@coupole.be');
    expect(received[0].to).toEqual(['<codef@demo.coupole.be>']);
    expect(received[0].data).toContain('Subject: =?UTF-8?');
  });

  it('never throws when the SMTP server cannot be reached (the in-app notification stays)', async () => {
    const { repository } = outboxRepository();
    const sut = new MailService({ smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'a@b.be' } as AppConfigService, repository);

    await expect(sut.send([mail])).resolves.toBeUndefined();
    sut.onApplicationShutdown();
  });
});

describe('mail settings in the environment', () => {
  it('accepts an smtp(s) URL and a sender with a display name', () => {
    expect(validateEnvironment({ SMTP_URL: 'smtps://user:pass@mail.example.be:465', MAIL_FROM: 'Coupole <noreply@coupole.be>' })).toMatchObject({
      SMTP_URL: 'smtps://user:pass@mail.example.be:465',
      MAIL_FROM: 'Coupole <noreply@coupole.be>',
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.be' }, 'SMTP_URL must be an smtp:// or smtps:// URL'],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM must be an email address, optionally as "Name <address>"'],
  ])('rejects %p naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(message);
  });
});
