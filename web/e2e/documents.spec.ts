import { expect, expectAccessible, field, minimalCase, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * A one-page PDF with a proper cross-reference table: the server reads the type from the
 * content, never from the name, and rewrites the file without its metadata, so it must parse.
 */
function onePagePdf(): Buffer {
  const objects = [
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n',
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n',
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += object;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer <</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
const PDF = onePagePdf();

test('an officer uploads a PDF to a case and it appears in the gallery as a document', async ({ page, adminApi, playwright, baseURL }) => {
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`DO${tag}`, `Document port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);
  const created = await api.post<{ id: string }>('/api/v1/seizures', minimalCase(`Depot ${tag}`));
  await request.dispose();

  await signInAs(page, officer.username, PASSWORD);
  await page.goto(`/seizures/${created.id}?tab=attachments`);
  await expect(page.getByTestId('empty-state')).toContainText('No pictures or documents yet.');
  const panel = page.getByTestId('upload-panel');
  const name = `manifest-${tag}.pdf`;
  await panel.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await panel.getByLabel(field('Caption')).fill('Cargo manifest');

  // as a photo, the server refuses it: a photo must be an image
  await panel.getByRole('button', { name: 'Upload' }).click();
  await expect(panel.getByRole('alert')).toHaveText('photos and X-rays must be images');
  await expect(page.getByTestId('attachment-gallery')).toHaveCount(0);

  // as a document, it is accepted
  await panel.getByText('Document', { exact: true }).click();
  await panel.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText(`${name} uploaded.`)).toBeVisible();
  const gallery = page.getByTestId('attachment-gallery');
  const doc = gallery.getByTestId('attachment');
  await expect(doc).toHaveCount(1);
  await expect(doc).toHaveAttribute('data-kind', 'document');
  await expect(doc).toContainText('Document');
  await expect(doc).toContainText('Cargo manifest');
  await expect(doc.locator('img')).toHaveCount(0); // no thumbnail: a document icon
  await expect(page.getByRole('tab', { name: /Pictures and documents \(1\)/ })).toBeVisible();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });
  await expectAccessible(page, 'gallery with a document');

  // opening it shows the file and offers the download
  await gallery.getByRole('button', { name: 'Open Cargo manifest' }).click();
  const viewer = page.getByRole('dialog', { name: 'Cargo manifest' });
  await expect(viewer).toContainText(name);
  await expect(viewer).toContainText('application/pdf');
  await expect(viewer.getByRole('button', { name: 'Download' })).toBeVisible();
  const download = page.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe(name);
  await page.keyboard.press('Escape');

  // and it is still there after a reload
  await page.reload();
  await expect(page.getByTestId('attachment-gallery').locator('[data-kind="document"]')).toHaveCount(1);
});
