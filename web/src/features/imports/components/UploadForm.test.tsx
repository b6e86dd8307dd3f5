import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { FakeXhr } from '@/test/fakeXhr';
import { job, json, renderAs, stubApi } from '../test/fake';
import { UploadForm } from './UploadForm';

const ROUTES = [
  { path: '/imports', element: <UploadForm /> },
  { path: '/imports/:id', element: <p data-testid="job-page">job page</p> },
];

const LINES = '{"external_id":"p1","family_name":"Martin"}\n{"external_id":"p2","family_name":"Durand"}\n';

describe('the import upload form', { timeout: 30_000 }, () => {
  beforeEach(() => {
    session.signedIn('tok', 900);
    FakeXhr.all = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    stubApi((req) => (req.url.pathname === '/api/v1/imports' ? json({ items: [] }) : undefined));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('sends the file as the body with the settings in the query, shows the progress, then opens the job', async () => {
    renderAs(ROUTES, '/imports');
    const file = new File([LINES], 'people.ndjson', { type: 'application/x-ndjson' });
    await userEvent.upload(screen.getByTestId('import-file'), file);
    await userEvent.selectOptions(screen.getByTestId('import-record-type'), 'companies');
    await userEvent.type(screen.getByTestId('import-source-system'), 'legacy-crm');
    await userEvent.click(screen.getByRole('radio', { name: /All or nothing/ }));
    expect(screen.getByRole('checkbox', { name: /Dry run \(check only\)/ })).toBeChecked();
    await userEvent.click(screen.getByTestId('import-submit'));

    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const xhr = FakeXhr.all[0]!;
    const url = new URL(xhr.url, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/imports');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      record_type: 'companies',
      format: 'ndjson',
      source_system: 'legacy-crm',
      mode: 'all_or_nothing',
      dry_run: 'true',
      filename: 'people.ndjson',
    });
    expect(xhr.headers['Content-Type']).toBe('application/x-ndjson');
    expect(xhr.headers.Authorization).toBe('Bearer tok');
    expect(xhr.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(xhr.body as unknown).toBe(file);

    xhr.progress(512, 1024);
    expect(screen.getByTestId('import-upload-progress')).toBeInTheDocument();
    expect(screen.getByText('Uploading: 50%')).toBeInTheDocument();

    await xhr.respond(202, job({ record_type: 'companies', mode: 'all_or_nothing' }));
    expect(await screen.findByTestId('job-page')).toBeInTheDocument();
  });

  it('offers NDJSON, CSV and XLSX files, NDJSON until a file is chosen', () => {
    renderAs(ROUTES, '/imports');
    expect(screen.getByTestId('import-file')).toHaveAttribute('accept', expect.stringMatching(/^\.ndjson,\.jsonl,\.json,\.csv,\.xlsx,/) as string);
    const format = screen.getByRole('combobox', { name: 'File format' });
    expect(format).toHaveValue('ndjson');
    expect([...(format as HTMLSelectElement).options].map((o) => o.text)).toEqual(['NDJSON', 'CSV', 'Excel workbook (XLSX)']);
    expect(screen.getByText('One JSON object per line: the fields of a new record plus external_id.')).toBeInTheDocument();
  });

  it('takes the format from the file’s extension and sends it in the query', async () => {
    renderAs(ROUTES, '/imports');
    const format = screen.getByTestId('import-format');
    const csv = new File(['external_id,family_name\np1,Martin\n'], 'People.CSV', { type: 'text/csv' });
    await userEvent.upload(screen.getByTestId('import-file'), csv);
    expect(format).toHaveValue('csv');
    expect(screen.getByText(/^A header row naming each column by its field’s path, such as external_id or goods\[0\]\.quantity/)).toBeInTheDocument();
    await userEvent.upload(screen.getByTestId('import-file'), new File(['PK\x03\x04'], 'people.xlsx'));
    expect(format).toHaveValue('xlsx');
    expect(screen.getByText(/^The first worksheet: a header row/)).toBeInTheDocument();
    await userEvent.upload(screen.getByTestId('import-file'), new File([LINES], 'people.jsonl'));
    expect(format).toHaveValue('ndjson');
    await userEvent.upload(screen.getByTestId('import-file'), csv);
    expect(format).toHaveValue('csv');

    await userEvent.type(screen.getByTestId('import-source-system'), 'crm');
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const xhr = FakeXhr.all[0]!;
    const query = new URL(xhr.url, 'http://localhost').searchParams;
    expect(query.get('format')).toBe('csv');
    expect(query.get('filename')).toBe('People.CSV');
    expect(xhr.headers['Content-Type']).toBe('text/csv');
    expect(xhr.body as unknown).toBe(csv);
  });

  it('keeps a format chosen by hand whatever file comes next', async () => {
    renderAs(ROUTES, '/imports');
    const format = screen.getByTestId('import-format');
    await userEvent.upload(screen.getByTestId('import-file'), new File([LINES], 'export.txt'));
    expect(format).toHaveValue('ndjson');
    await userEvent.selectOptions(format, 'Excel workbook (XLSX)');
    await userEvent.upload(screen.getByTestId('import-file'), new File(['a,b\n'], 'people.csv'));
    expect(format).toHaveValue('xlsx');
    await userEvent.upload(screen.getByTestId('import-file'), new File([LINES], 'people.ndjson'));
    expect(format).toHaveValue('xlsx');

    await userEvent.type(screen.getByTestId('import-source-system'), 'crm');
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const xhr = FakeXhr.all[0]!;
    expect(new URL(xhr.url, 'http://localhost').searchParams.get('format')).toBe('xlsx');
    expect(xhr.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('writes for real when the dry run is unticked', async () => {
    renderAs(ROUTES, '/imports');
    await userEvent.upload(screen.getByTestId('import-file'), new File([LINES], 'people.jsonl'));
    await userEvent.type(screen.getByTestId('import-source-system'), 'crm');
    await userEvent.click(screen.getByRole('checkbox', { name: /Dry run/ }));
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const query = new URL(FakeXhr.all[0]!.url, 'http://localhost').searchParams;
    expect(query.get('dry_run')).toBe('false');
    expect(query.get('mode')).toBe('valid_rows');
    expect(query.get('record_type')).toBe('persons');
  });

  it('imports seizure cases, saying what a line holds', async () => {
    renderAs(ROUTES, '/imports');
    expect(screen.queryByText(/One case per line/)).not.toBeInTheDocument();
    await userEvent.upload(screen.getByTestId('import-file'), new File(['{"external_id":"c1","kind":"seizure"}\n'], 'cases.ndjson'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Record type' }), 'Seizure cases');
    expect(screen.getByText('One case per line: the body of a new seizure case (goods, route and parties nested) plus external_id.')).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('import-source-system'), 'old-cases');
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const query = new URL(FakeXhr.all[0]!.url, 'http://localhost').searchParams;
    expect(query.get('record_type')).toBe('cases');
    expect(query.get('dry_run')).toBe('true');
  });

  it('says how a CSV file holds cases', async () => {
    renderAs(ROUTES, '/imports');
    await userEvent.upload(screen.getByTestId('import-file'), new File(['external_id,kind\nc1,seizure\n'], 'cases.csv'));
    await userEvent.selectOptions(screen.getByTestId('import-record-type'), 'cases');
    expect(screen.queryByText(/One case per line/)).not.toBeInTheDocument();
    expect(screen.getByText(/^One case per row: its goods, route and parties in numbered columns/)).toBeInTheDocument();
  });

  it('says a file is not of the format it was sent as', async () => {
    renderAs(ROUTES, '/imports');
    await userEvent.upload(screen.getByTestId('import-file'), new File(['PK\x03\x04'], 'people.csv'));
    await userEvent.type(screen.getByTestId('import-source-system'), 'crm');
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    await FakeXhr.all[0]!.respond(422, {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'validation_failed',
      errors: [{ field: 'file', code: 'wrong_type', message: 'the file is a ZIP' }],
    });
    expect(await screen.findByText('This is not a CSV file (for an Excel workbook, choose the XLSX format).')).toBeInTheDocument();
    // the message is about the upload that was refused, not the format chosen since
    await userEvent.selectOptions(screen.getByTestId('import-format'), 'xlsx');
    expect(screen.getByText('This is not a CSV file (for an Excel workbook, choose the XLSX format).')).toBeInTheDocument();
  });

  it('asks for a file and a source system before sending anything', async () => {
    renderAs(ROUTES, '/imports');
    await userEvent.click(screen.getByTestId('import-submit'));
    expect(await screen.findByText('Choose a file.')).toBeInTheDocument();
    expect(screen.getByText('Name the source system.')).toBeInTheDocument();
    expect(FakeXhr.all).toHaveLength(0);
  });

  it('shows the server’s field errors at their fields', async () => {
    renderAs(ROUTES, '/imports');
    await userEvent.upload(screen.getByTestId('import-file'), new File(['%PDF-1.7'], 'scan.json'));
    await userEvent.type(screen.getByTestId('import-source-system'), 'crm');
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    await FakeXhr.all[0]!.respond(422, {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'validation_failed',
      errors: [
        { field: 'file', code: 'wrong_type', message: 'not NDJSON' },
        { field: 'source_system', code: 'length', message: 'too long' },
      ],
    });
    expect(await screen.findByText('This is not an NDJSON file.')).toBeInTheDocument();
    expect(screen.getByText('At most 100 characters.')).toBeInTheDocument();
    expect(screen.getByTestId('form-invalid')).toBeInTheDocument();
    expect(screen.queryByTestId('import-upload-progress')).not.toBeInTheDocument();
  });

  it('says a file is too large (413)', async () => {
    renderAs(ROUTES, '/imports');
    await userEvent.upload(screen.getByTestId('import-file'), new File([LINES], 'big.ndjson'));
    await userEvent.type(screen.getByTestId('import-source-system'), 'crm');
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    await FakeXhr.all[0]!.respond(413, { type: 'about:blank', title: 'Payload too large', status: 413, code: 'too_large' });
    expect(await screen.findByText('The file is larger than the server accepts.')).toBeInTheDocument();
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });
});
