import type { IliDto, IliImportResult, IliLandscapeDto, ListResponse } from '@coupole/shared';
import { Workbook } from 'exceljs';
import { demoSessions, type DemoAccount } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';

describe('ILI directory (integration)', () => {
  let sut: TestApp;
  const { as, signIn } = demoSessions(() => sut);

  beforeAll(async () => {
    sut = await startTestApp();
    await signIn(['secretariat', 'aleap', 'caips', 'observer']);
  });

  afterAll(() => sut?.close());

  it('seeds 219 fictional ILI over the five provinces, each federation with affiliates', async () => {
    const response = await as('aleap').get('/api/ilis/landscape');
    expect(response.status).toBe(200);
    const landscape = response.body as IliLandscapeDto;
    expect(landscape.total).toBe(219);
    expect(landscape.byAffiliation.copili).toBeGreaterThan(0);
    expect(landscape.byAffiliation.none).toBeGreaterThan(0);
    for (const count of [...Object.values(landscape.byFederation), ...Object.values(landscape.byProvince)]) expect(count).toBeGreaterThan(0);
    expect(Object.values(landscape.byProvince).reduce((sum, count) => sum + count, 0)).toBe(219);
  });

  it('finds ILI by accent-folded word prefixes and filters by federation and province', async () => {
    const search = await as('caips').get('/api/ilis').query({ q: 'liege', limit: 500 });
    expect(search.status).toBe(200);
    const found = search.body as ListResponse<IliDto>;
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((ili) => ili.commune === 'Liège')).toBe(true);

    const prefix = (await as('caips').get('/api/ilis').query({ q: 'passer' })).body as ListResponse<IliDto>;
    expect(prefix.items.every((ili) => ili.name.startsWith('La Passerelle'))).toBe(true);
    expect(prefix.total).toBeGreaterThan(0);

    const filtered = (await as('caips').get('/api/ilis').query({ federation: 'codef', province: 'hainaut', limit: 500 })).body as ListResponse<IliDto>;
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.items.every((ili) => ili.federation === 'codef' && ili.province === 'hainaut')).toBe(true);

    expect((await as('caips').get('/api/ilis').query({ province: 'flandre' })).body.message).toEqual([expect.stringContaining('province')]);
  });

  it('shows observers nothing of the directory', async () => {
    expect((await as('observer').get('/api/ilis')).status).toBe(403);
    expect((await as('observer').get('/api/ilis/landscape')).status).toBe(403);
    expect((await as('observer').get('/api/ilis/export')).status).toBe(403);
  });

  it('lets a representative keep its own affiliates only, and the secretariat everything', async () => {
    const own = { name: 'Nouvelle ILI Test', commune: 'Namur', postalCode: '5000', province: 'namur', affiliation: 'federation', federation: 'aleap' };
    const created = await as('aleap').post('/api/ilis', own);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ federation: 'aleap', active: true });

    expect((await as('caips').patch(`/api/ilis/${created.body.id}`, { phone: '081 22 33 44' })).status).toBe(403);
    expect((await as('aleap').post('/api/ilis', { ...own, name: 'Autre', federation: 'caips' })).status).toBe(403);
    expect((await as('aleap').patch(`/api/ilis/${created.body.id}`, { affiliation: 'copili' })).status).toBe(403);
    const moved = await as('secretariat').patch(`/api/ilis/${created.body.id}`, { affiliation: 'copili' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ affiliation: 'copili', federation: null });

    expect((await as('aleap').post('/api/ilis', { ...own, name: 'nouvelle ili test' })).status).toBe(409);
  });

  it('names the bad field with a 400', async () => {
    const bad = await as('secretariat').post('/api/ilis', { name: 'X', commune: 'Namur', postalCode: '1000', province: 'namur', affiliation: 'none' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([expect.stringContaining('postalCode')]);
    const missing = await as('secretariat').post('/api/ilis', { name: 'X', commune: 'Namur', postalCode: '5000', province: 'namur', affiliation: 'federation' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual([expect.stringContaining('federation')]);
    const email = await as('secretariat').post('/api/ilis', { name: 'X', commune: 'Namur', postalCode: '5000', province: 'namur', affiliation: 'none', email: 'pas-un-mail' });
    expect(email.body.message).toEqual([expect.stringContaining('email')]);
  });

  it('dry-runs a CSV import: each bad row by line and reason, nothing written', async () => {
    const csv = [
      'Nom;Commune;Code postal;Province;Fédération;E-mail',
      'Import Un;Wavre;1300;Brabant wallon;ALEAP;un@import.example',
      'Import Deux;Arlon;6700;Luxembourg;;',
      ';Namur;5000;Namur;;',
      'Import Trois;Bruxelles;1000;;;',
      'Import Un;Wavre;1300;;aleap;',
      'Import Quatre;Namur;5000;Namur;aleap;pas-un-mail',
    ].join('\n');
    const before = (await as('secretariat').get('/api/ilis/landscape')).body.total as number;
    const response = await as('secretariat').upload('/api/ilis/import?dryRun=1', 'liste.csv', csv);
    expect(response.status).toBe(200);
    const result = response.body as IliImportResult;
    expect(result).toMatchObject({ dryRun: true, created: 2, updated: 0 });
    expect(result.errors).toEqual([
      { row: 4, message: 'nom manquant' },
      { row: 5, message: expect.stringContaining('hors de Wallonie') },
      { row: 6, message: 'même nom et code postal qu’à la ligne 2' },
      { row: 7, message: expect.stringContaining('e-mail invalide') },
    ]);
    expect(result.rows.map((row) => row.action)).toEqual(['create', 'create', 'error', 'error', 'error', 'error']);
    expect((await as('secretariat').get('/api/ilis/landscape')).body.total).toBe(before);

    const withErrors = await as('secretariat').upload('/api/ilis/import', 'liste.csv', csv);
    expect(withErrors.body).toMatchObject({ dryRun: true, errors: expect.arrayContaining([expect.objectContaining({ row: 4 })]) });
    expect((await as('secretariat').get('/api/ilis/landscape')).body.total).toBe(before);
  });

  it('imports an XLSX whole, matching existing ILI on name and postal code, and exports what it imports', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Affiliées');
    sheet.addRow(['nom', 'commune', 'code postal', 'fédération', 'téléphone']);
    sheet.addRow(['Tableur Un', 'Mons', 7000, 'caips', '065 11 22 33']);
    sheet.addRow(['Tableur Deux', 'Liège', '4000', 'caips', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const denied = await as('aleap').upload('/api/ilis/import', 'caips.xlsx', buffer);
    expect(denied.body.errors).toHaveLength(2);

    const imported = await as('caips').upload('/api/ilis/import', 'caips.xlsx', buffer);
    expect(imported.body).toMatchObject({ dryRun: false, created: 2, updated: 0, errors: [] });
    const again = await as('caips').upload('/api/ilis/import', 'caips.xlsx', buffer);
    expect(again.body).toMatchObject({ created: 0, updated: 2 });

    const found = (await as('caips').get('/api/ilis').query({ q: 'tableur' })).body as ListResponse<IliDto>;
    expect(found.items.map((ili) => [ili.name, ili.province, ili.phone])).toEqual([
      ['Tableur Deux', 'liege', null],
      ['Tableur Un', 'hainaut', '065 11 22 33'],
    ]);

    const exported = await as('caips').get('/api/ilis/export').query({ format: 'xlsx', federation: 'caips' }).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('annuaire-ili.xlsx');
    const roundTrip = await as('caips').upload('/api/ilis/import?dryRun=1', 'export.xlsx', exported.body as Buffer);
    expect(roundTrip.body).toMatchObject({ created: 0, errors: [] });
    expect(roundTrip.body.updated).toBeGreaterThan(30);

    const csv = await as('caips').get('/api/ilis/export').query({ format: 'csv', q: 'tableur' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Tableur Un;Mons;7000;Hainaut;federation;caips');
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const response = await as('secretariat').upload('/api/ilis/import', 'notes.txt', 'hello');
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(['file must be a .csv or .xlsx spreadsheet']);
  });
});
