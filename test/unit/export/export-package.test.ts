import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import {
  EXPORT_SCHEMA_VERSION,
  ExportPackageSchema,
  buildExportPackage,
  exportPackageJsonSchema,
} from '../../../functions/domain/export/export-package.js';
import { EXPORT_FIELDS } from '../../../functions/domain/export/export-fields.js';
import { PORTABLE_CATEGORIES } from '../../../functions/domain/plan/request-types/portability.js';
import { RecordCategorySchema } from '../../../functions/domain/plan/action-plan.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { aDoorEvent, gatheredData } from '../gather/customer-data-fixture.js';
import { CUSTOMER, FORMER_CUSTOMER, NOW, scenario } from '../carry-out/carry-out-fixture.js';

const gathered = gatheredData({ ...FORMER_CUSTOMER, customerIds: [CUSTOMER.customerId] });

describe('buildExportPackage', () => {
  it('returns a schema-valid package with every gathered record of every category an access request covers', () => {
    // Prepare
    const { plan, request } = scenario({ types: ['access'] });
    // Act
    const pkg = buildExportPackage({ request, plan, gathered, exportedAt: NOW });
    // Assess
    expect(ExportPackageSchema.safeParse(pkg).success).toBe(true);
    expect(pkg.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(pkg.categories.map((c) => c.category)).toEqual(RecordCategorySchema.options);
    expect(pkg.records.profile?.map((p) => p.email)).toEqual([CUSTOMER.email]);
    expect(pkg.records.invoice?.map((i) => i.invoiceNo)).toEqual(['2019-00003', '2024-00017']);
    expect(pkg.records.door_event).toEqual(gathered.accessLog.events);
    expect(pkg.records.service_note).toEqual(gathered.subscriptions.notes);
    expect(pkg.request.requester.email).toBe(request.requester.email);
  });

  it('returns for portability only the categories the person provided, machine-readable and complete', () => {
    const { plan, request } = scenario({ types: ['portability'] });

    const pkg = buildExportPackage({ request, plan, gathered, exportedAt: NOW });

    expect(pkg.portable).toBe(true);
    expect(Object.keys(pkg.records)).toEqual([...PORTABLE_CATEGORIES]);
    expect(pkg.records.consent).toEqual(gathered.subscriptions.consents);
    expect(JSON.parse(JSON.stringify(pkg))).toEqual(pkg);
  });

  it('returns for each category its purposes, recipients, retention, source and a description of every field', () => {
    const { plan, request } = scenario({ types: ['access'] });

    const pkg = buildExportPackage({ request, plan, gathered, exportedAt: NOW });

    for (const category of pkg.categories) {
      expect(category.purposes.length).toBeGreaterThan(0);
      expect(category.retention).not.toBe('');
      expect(category.source).not.toBe('');
      expect(Object.keys(category.fields)).toEqual(EXPORT_FIELDS[category.category].map((field) => field.path));
    }
    expect(pkg.categories.find((c) => c.category === 'door_event')?.recipients.join()).toContain('Unloc');
  });

  it('returns invoices and payments with the last day they are kept under the Bookkeeping Act', () => {
    const { plan, request } = scenario({ types: ['access'] });

    const pkg = buildExportPackage({ request, plan, gathered, exportedAt: NOW });

    expect(pkg.records.invoice?.map((i) => [i.invoiceNo, i.keptUntil])).toEqual([
      ['2019-00003', '2024-12-31'],
      ['2024-00017', '2029-12-31'],
    ]);
  });

  it('leaves out records of other customers and says so, and notes that door events are the subject’s own', () => {
    const { plan, request } = scenario({ types: ['access'] });
    const mixed = { ...gathered, accessLog: { ...gathered.accessLog, events: [...gathered.accessLog.events, aDoorEvent({ eventId: 'E-X', customerId: 'C-2002' })] } };

    const pkg = buildExportPackage({ request, plan, gathered: mixed, exportedAt: NOW });

    expect(pkg.records.door_event?.map((e) => e.eventId)).toEqual(['E-1', 'E-2']);
    expect(pkg.notes.join('\n')).toContain('1 oppføring som gjaldt en annen kunde');
    expect(pkg.notes.join('\n')).toContain('Dørhendelsene gjelder bare deg');
  });

  it('leaves the profile’s internal version counter out of the copy', () => {
    const { plan, request } = scenario({ types: ['access'] });

    const pkg = buildExportPackage({ request, plan, gathered, exportedAt: NOW });

    expect(pkg.records.profile?.[0]).not.toHaveProperty('version');
  });
});

describe('exportPackageJsonSchema', () => {
  it('returns a JSON Schema that documents the package format', () => {
    const schema = exportPackageJsonSchema();

    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(schema)).toContain('schemaVersion');
  });
});

describe('carryOut: stored package', () => {
  it('stores a data.json that parses against the package schema', async () => {
    const { deps, request, objects } = scenario({ types: ['access', 'portability'] });

    await carryOut(deps, request.id);

    const stored = await objects.getJson(OBJECT_KEYS.exportPackage(request.id));
    expect(ExportPackageSchema.parse(stored).portable).toBe(true);
  });
});
