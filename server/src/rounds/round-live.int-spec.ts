import { LIVE_NAMESPACE, type LiveAck, type RoundUpdatedEvent, type Tally } from '@coupole/shared';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { demoSessions, FIVE, type DemoAccount } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';
import type { CastPositionResponseDto, RoundDetailDto } from './dto/round-detail.dto';

const STANCES = [
  { stance: 'agree' },
  { stance: 'reservations', reason: 'Le calendrier reste serré.' },
  { stance: 'stand_aside', reason: 'Nous ne bloquons pas.' },
];

/**
 * A round page as the client keeps it: the round as fetched, then each `round.updated` applied
 * when its `seq` follows, ignored when older, and a refetch when one was skipped.
 */
class Watcher {
  seq = 0;
  tally: Tally | null = null;
  readonly seen: number[] = [];
  refetches = 0;

  constructor(
    private readonly socket: Socket,
    private readonly fetchRound: () => Promise<RoundDetailDto>,
    roundId: string,
  ) {
    socket.on('round.updated', (event: RoundUpdatedEvent) => {
      if (event.roundId !== roundId) return;
      this.seen.push(event.payload.seq);
      if (event.payload.seq <= this.seq) return;
      if (event.payload.seq === this.seq + 1) {
        this.seq = event.payload.seq;
        this.tally = event.payload.tally;
      } else {
        this.refetches++;
        void this.load();
      }
    });
  }

  async load(): Promise<void> {
    const round = await this.fetchRound();
    if (round.seq < this.seq) return;
    this.seq = round.seq;
    this.tally = round.tally;
  }

  close(): void {
    this.socket.disconnect();
  }
}

describe('live round updates (integration)', () => {
  let sut: TestApp;
  let baseUrl: string;
  const { tokens, as, signIn } = demoSessions(() => sut);

  async function openRound(): Promise<RoundDetailDto> {
    const created = await as('secretariat').post('/api/documents', {
      title: `Note ${Math.random()}`,
      kind: 'note_politique',
      markdown: '# Note\n\nUn paragraphe à adopter.\n\nUn second paragraphe.\n',
    });
    const frozen = await as('secretariat').post(`/api/documents/${created.body.id}/versions`, { label: 'v1' });
    const response = await as('secretariat').post(`/api/documents/${created.body.id}/rounds`, {
      version: frozen.body.number,
      question: 'Adoptons-nous cette note ?',
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(response.status).toBe(201);
    return response.body as RoundDetailDto;
  }

  async function watch(who: DemoAccount, round: RoundDetailDto): Promise<Watcher> {
    const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token: tokens[who] }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(5_000).emitWithAck('subscribe', { documentId: round.documentId })) as LiveAck;
    expect(ack).toEqual({ ok: true });
    const watcher = new Watcher(socket, async () => (await as(who).get(`/api/rounds/${round.id}`)).body as RoundDetailDto, round.id);
    await watcher.load();
    return watcher;
  }

  /** Resolves once every watcher has seen `count` events (or after 5 s, for the assertions to say what is missing). */
  async function settled(watchers: Watcher[], count: number): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && watchers.some((watcher) => watcher.seen.length < count || watcher.seq < count)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    sut = await startTestApp();
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    await signIn(['secretariat', 'aleap', 'caips', 'caipsSubstitute', 'codef', 'fdss', 'risome']);
  });

  afterAll(() => sut?.close());

  it('numbers the events of concurrent first casts 1 to 5, each tally counting every cast up to its seq', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const round = await openRound();
      expect(round.seq).toBe(0);
      const watchers = await Promise.all([watch('aleap', round), watch('secretariat', round)]);
      const answers = await Promise.all(FIVE.map((who, i) => as(who).put(`/api/rounds/${round.id}/position`, STANCES[i % STANCES.length])));
      expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(200));
      const bodies = answers.map((answer) => answer.body as CastPositionResponseDto);
      expect(bodies.map((body) => body.seq).sort()).toEqual([1, 2, 3, 4, 5]);
      // Casts of different federations: the cast numbered n is the n-th answer, whatever the timing.
      for (const body of bodies) expect(body.tally.answered).toHaveLength(body.seq);

      await settled(watchers, 5);
      const stored = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(stored.seq).toBe(5);
      for (const watcher of watchers) {
        expect([...watcher.seen].sort()).toEqual([1, 2, 3, 4, 5]);
        expect(watcher.seq).toBe(5);
        expect(watcher.tally).toEqual(stored.tally);
        watcher.close();
      }
    }
  });

  it('keeps every watcher equal to the database through waves of concurrent casts, seq strictly increasing without a duplicate', async () => {
    const round = await openRound();
    const watchers = await Promise.all([watch('aleap', round), watch('secretariat', round), watch('codef', round)]);
    const casters: DemoAccount[] = [...FIVE, 'caipsSubstitute'];
    const seqs: number[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const answers = await Promise.all(
        casters.map((who, i) =>
          as(who).put(`/api/rounds/${round.id}/position`, i === 2 && wave % 2 === 0
            ? { stance: 'object', reason: `Objection ${wave}`, paragraphs: [round.paragraphs[1].id], noAmendmentPossible: true }
            : STANCES[(i + wave) % STANCES.length]),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(casters.length).fill(200));
      seqs.push(...answers.map((answer) => (answer.body as CastPositionResponseDto).seq));
    }
    const total = 5 * casters.length;
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    await settled(watchers, total);
    const stored = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
    expect(stored.seq).toBe(total);
    for (const watcher of watchers) {
      // Each event once, every number from 1 to the last.
      expect([...watcher.seen].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(watcher.seq).toBe(total);
      expect(watcher.tally).toEqual(stored.tally);
      watcher.close();
    }
  });

  it('sends the position that changed and the objection it raised or withdrew', async () => {
    const round = await openRound();
    const [watcher] = await Promise.all([watch('aleap', round)]);
    const events: RoundUpdatedEvent[] = [];
    const socket = (watcher as unknown as { socket: Socket }).socket;
    socket.on('round.updated', (event: RoundUpdatedEvent) => events.push(event));

    const objecting = { stance: 'object', reason: 'Le § 2 est inacceptable.', paragraphs: [round.paragraphs[1].id], noAmendmentPossible: true };
    const raised = (await as('codef').put(`/api/rounds/${round.id}/position`, objecting)).body as CastPositionResponseDto;
    expect(raised.objection).toMatchObject({ federation: 'codef', state: 'open', reason: 'Le § 2 est inacceptable.', carried: false, raisedInRound: 1 });
    const agreed = (await as('codef').put(`/api/rounds/${round.id}/position`, { stance: 'agree' })).body as CastPositionResponseDto;
    expect(agreed.objection).toMatchObject({ id: raised.objection!.id, state: 'withdrawn' });
    const again = (await as('aleap').put(`/api/rounds/${round.id}/position`, { stance: 'agree' })).body as CastPositionResponseDto;
    expect(again.objection).toBeNull();

    await settled([watcher], 3);
    expect(events.map((event) => event.payload.seq)).toEqual([1, 2, 3]);
    expect(events[0].payload.position).toMatchObject({ federation: 'codef', stance: 'object', paragraphs: [round.paragraphs[1].id] });
    expect(events[0].payload.position).not.toHaveProperty('history');
    expect(events[0].payload.objection).toEqual(raised.objection);
    expect(events[1].payload.objection).toEqual(agreed.objection);
    expect(events[2].payload).toMatchObject({ position: { federation: 'aleap', stance: 'agree' }, objection: null });
    const stored = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
    expect(stored.objections).toEqual([agreed.objection]);
    watcher.close();
  });
});
