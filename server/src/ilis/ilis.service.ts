import {
  canKeepIli,
  canReadIlis,
  iliExportRow,
  iliKey,
  landscapeOf,
  parseIliRecord,
  provinceOfPostalCode,
  type ConsultationScope,
  type CreateIliRequest,
  type FederationSlug,
  type IliActor,
  type IliDto,
  type IliFields,
  type IliImportResult,
  type IliLandscapeDto,
  type ListResponse,
  type Role,
  type UpdateIliRequest,
} from '@coupole/shared';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { toIliDto, toIliFields } from './dto/ili.dto';
import { ILI_PAGE_SIZE, type IliFilterQueryDto, type ListIlisQueryDto } from './dto/list-ilis.query';
import { formatOf, readSpreadsheet, SpreadsheetError, writeSpreadsheet, type SpreadsheetFormat } from './ili-spreadsheet';
import { IlisRepository, type IliRow } from './ilis.repository';

export interface IliUser {
  role: Role;
  federationSlug: FederationSlug | null;
}

export interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function toRow(fields: IliFields): IliRow {
  const { federation, ...rest } = fields;
  return { ...rest, federationSlug: federation };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/** The ILI directory: who may read and keep which entries, import and export, the landscape. */
@Injectable()
export class IlisService {
  constructor(
    private readonly ilis: IlisRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(user: IliUser, query: ListIlisQueryDto): Promise<ListResponse<IliDto>> {
    this.assertCanRead(user);
    const [items, total] = await this.ilis.list(query, { limit: query.limit ?? ILI_PAGE_SIZE, offset: query.offset ?? 0 });
    return { items: items.map(toIliDto), total };
  }

  async get(user: IliUser, id: string): Promise<IliDto> {
    this.assertCanRead(user);
    const ili = await this.ilis.findById(id);
    if (!ili) throw new NotFoundException(`ILI ${id} not found`);
    return toIliDto(ili);
  }

  async create(user: IliUser, request: CreateIliRequest): Promise<IliDto> {
    this.assertCanRead(user);
    const fields = this.checkedFields({
      name: request.name.trim(),
      commune: request.commune.trim(),
      postalCode: request.postalCode,
      province: request.province,
      affiliation: request.affiliation,
      federation: request.federation ?? null,
      email: request.email?.toLowerCase() ?? null,
      phone: request.phone ?? null,
      website: request.website ?? null,
      active: request.active ?? true,
    });
    if (!canKeepIli(user, fields)) throw new ForbiddenException('A representative may only add the affiliates of its own federation');
    const id = await this.insertUnique(toRow(fields));
    return this.get(user, id);
  }

  async update(user: IliUser, id: string, request: UpdateIliRequest): Promise<IliDto> {
    this.assertCanRead(user);
    const ili = await this.ilis.findById(id);
    if (!ili) throw new NotFoundException(`ILI ${id} not found`);
    const current = toIliFields(ili);
    if (!canKeepIli(user, current)) throw new ForbiddenException('A representative may only change the affiliates of its own federation');
    const changed: IliFields = { ...current };
    for (const key of Object.keys(request) as Array<keyof UpdateIliRequest>) {
      const value = request[key];
      if (value === undefined) continue;
      if (key === 'name' || key === 'commune') changed[key] = (value as string).trim();
      else if (key === 'email') changed.email = (value as string | null)?.toLowerCase() ?? null;
      else (changed as unknown as Record<string, unknown>)[key] = value;
    }
    // Leaving the federation clears it; joining one sets the affiliation.
    if (request.affiliation !== undefined && request.affiliation !== 'federation' && request.federation === undefined) changed.federation = null;
    if (request.federation && request.affiliation === undefined) changed.affiliation = 'federation';
    const fields = this.checkedFields(changed);
    if (!canKeepIli(user, fields)) throw new ForbiddenException('A representative may not move an ILI out of its own federation');
    try {
      await this.ilis.update(id, toRow(fields));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(['name: another ILI with this name has this postal code']);
      throw error;
    }
    return this.get(user, id);
  }

  async landscape(user: IliUser): Promise<IliLandscapeDto> {
    this.assertCanRead(user);
    const ilis = await this.ilis.findAll({ active: true });
    return landscapeOf(ilis.map(toIliFields));
  }

  async export(user: IliUser, query: IliFilterQueryDto & { format?: SpreadsheetFormat }): Promise<ExportedFile> {
    this.assertCanRead(user);
    const format = query.format ?? 'xlsx';
    const ilis = await this.ilis.findAll(query);
    const content = await writeSpreadsheet(format, ilis.map((ili) => iliExportRow(toIliFields(ili))));
    return { fileName: `annuaire-ili.${format}`, contentType: CONTENT_TYPES[format], content };
  }

  /**
   * Reads every row, checks it (fields, permissions, duplicates within the file) and, unless
   * `dryRun` or any row is wrong, creates or updates them all in one transaction: a file is
   * imported whole or not at all. Rows match existing ILI on their name and postal code.
   */
  async import(user: IliUser, file: UploadedSpreadsheet | undefined, dryRun: boolean): Promise<IliImportResult> {
    this.assertCanRead(user);
    if (user.role === 'observer') throw new ForbiddenException();
    if (!file) throw new BadRequestException(['file is required (a .csv or .xlsx spreadsheet)']);
    const format = formatOf(file.originalname, file.buffer);
    if (!format) throw new BadRequestException(['file must be a .csv or .xlsx spreadsheet']);
    let rows: Awaited<ReturnType<typeof readSpreadsheet>>;
    try {
      rows = await readSpreadsheet(format, file.buffer);
    } catch (error) {
      if (error instanceof SpreadsheetError) throw new BadRequestException([`file: ${error.message}`]);
      throw error;
    }
    if (rows.length === 0) throw new BadRequestException(['file: no row under the header line']);

    return this.dataSource.transaction(async (manager) => {
      const existing = new Map((await this.ilis.findAll({}, manager)).map((ili) => [iliKey(ili), ili]));
      const result: IliImportResult = { dryRun, created: 0, updated: 0, errors: [], rows: [] };
      const seen = new Map<string, number>();
      const creates: IliRow[] = [];
      const updates: Array<{ id: string; row: IliRow }> = [];
      for (const { line, record } of rows) {
        const parsed = parseIliRecord(record);
        const preview = { row: line, name: record.nom ?? record.name ?? '', commune: record.commune ?? '', postalCode: record['code postal'] ?? record.cp ?? '' };
        const fail = (message: string) => {
          result.errors.push({ row: line, message });
          result.rows.push({ ...preview, action: 'error' });
        };
        if (!parsed.ok) {
          fail(parsed.message);
          continue;
        }
        const fields = parsed.value;
        const key = iliKey(fields);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          fail(`même nom et code postal qu’à la ligne ${earlier}`);
          continue;
        }
        seen.set(key, line);
        const match = existing.get(key);
        if (!canKeepIli(user, fields) || (match && !canKeepIli(user, toIliFields(match)))) {
          fail('vous ne pouvez importer que les ILI affiliées à votre fédération');
          continue;
        }
        const row = { row: line, name: fields.name, commune: fields.commune, postalCode: fields.postalCode };
        if (match) {
          updates.push({ id: match.id, row: toRow(fields) });
          result.rows.push({ ...row, action: 'update' });
        } else {
          creates.push(toRow(fields));
          result.rows.push({ ...row, action: 'create' });
        }
      }
      result.created = creates.length;
      result.updated = updates.length;
      if (dryRun || result.errors.length > 0) {
        // Nothing is written when a row is wrong; the counts say what a corrected file would do.
        return { ...result, dryRun: true };
      }
      await this.ilis.insertMany(creates, manager);
      for (const { id, row } of updates) await this.ilis.update(id, row, manager);
      return result;
    });
  }

  /** Active ILI in a consultation's scope (the consultations module asks through here). */
  async findInScope(scope: ConsultationScope, manager?: EntityManager): Promise<Array<IliFields & { id: string }>> {
    return (await this.ilis.findInScope(scope, manager)).map((ili) => ({ id: ili.id, ...toIliFields(ili) }));
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<IliFields & { id: string }>> {
    return (await this.ilis.findByIds(ids, manager)).map((ili) => ({ id: ili.id, ...toIliFields(ili) }));
  }

  /** For the demo seed: inserts the rows unless the directory already holds ILI. */
  async seedIfEmpty(manager: EntityManager, fields: readonly IliFields[]): Promise<boolean> {
    if ((await this.ilis.count(manager)) > 0) return false;
    await this.ilis.insertMany(fields.map(toRow), manager);
    return true;
  }

  private assertCanRead(user: IliActor): void {
    if (!canReadIlis(user)) throw new ForbiddenException('Observers do not see the ILI directory');
  }

  private checkedFields(fields: IliFields): IliFields {
    const problems: string[] = [];
    if (!fields.name) problems.push('name must not be empty');
    if (!fields.commune) problems.push('commune must not be empty');
    if (provinceOfPostalCode(fields.postalCode) !== fields.province) problems.push(`postalCode ${fields.postalCode} is not in the province ${fields.province}`);
    if (fields.affiliation === 'federation' && !fields.federation) problems.push('federation is required when affiliation is federation');
    if (fields.affiliation !== 'federation' && fields.federation) problems.push('federation must be null unless affiliation is federation');
    if (problems.length) throw new BadRequestException(problems);
    return fields;
  }

  private async insertUnique(row: IliRow): Promise<string> {
    try {
      return await this.ilis.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(['name: an ILI with this name already has this postal code']);
      throw error;
    }
  }
}
