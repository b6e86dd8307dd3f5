import { createHash, generateKeyPairSync } from 'node:crypto';
import { pngBytes } from './png';
import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * The Icomm exchange as a liaison officer uses it (issue 17, first slice): register a partner
 * administration with the key it gave out of band, confirming its fingerprint (a wrong one is
 * refused), record the agreement that allows exchanges, preview a validated case exactly as it
 * would leave (nominal fields withheld in the non-nominal scope), and make a CEN batch.
 */

interface Created {
  id: string;
  version: number;
  reference: string;
}

/** A partner's Ed25519 key as `ncen exchange key` prints it: hex, and its fingerprint. */
function partnerKey() {
  const { publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(String(jwk.x), 'base64url');
  const digest = createHash('sha256').update(raw).digest('hex').toUpperCase().slice(0, 32);
  return { hex: raw.toString('hex'), fingerprint: digest.match(/.{4}/g)?.join(' ') ?? '' };
}

test('a liaison officer registers a partner, records an agreement, previews a case and makes a CEN batch', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uid('EX').toUpperCase();
  const unit = await adminApi.createUnit(`EX${tag.slice(-8)}`, `Exchange unit ${tag}`);
  const officer = await adminApi.createUser(uid('officer'), unit.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('supervisor'), unit.id, ['supervisor']);
  const liaison = await adminApi.createUser(uid('liaison'), unit.id, ['liaison']);
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const supervisorApi = await UserApi.login(request, supervisor.username);

  // a validated case whose narrative names someone
  const kase = await officerApi.post<Created>('/api/v1/seizures', minimalCase(`Terminal ${tag}`, { narrative: `Courier Jan Kowalski ${tag}` }));
  const submitted = await officerApi.post<Created>(`/api/v1/seizures/${kase.id}/submit`, {}, 200, kase.version);
  await supervisorApi.post(`/api/v1/seizures/${kase.id}/validate`, {}, 200, submitted.version);

  await signInAs(page, liaison.username, PASSWORD);
  await page.getByRole('link', { name: 'Exchange' }).click();
  await expect(page.getByRole('heading', { name: 'Partner administrations' })).toBeVisible();
  await expect(page.getByText('This node’s exchange identity')).toBeVisible();

  // ---- register a partner; the fingerprint is typed as the partner reads it out
  const key = partnerKey();
  const name = `Customs ${tag}`;
  await page.getByRole('button', { name: 'Register a partner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register a partner administration' });
  await pickOption(page, dialog, 'Country', 'Belgium');
  await dialog.getByLabel(field('Name of the administration')).fill(name);
  await dialog.getByLabel(field('Address of its nCEN')).fill('https://ncen.be.example');
  await dialog.getByLabel(field('Public key')).fill(key.hex);
  await dialog.getByLabel(field('Fingerprint, as read out by the partner')).fill('0000 0000 0000 0000 0000 0000 0000 0000');
  await dialog.getByRole('button', { name: 'Register the partner' }).click();
  await expect(dialog.getByText('This is not the fingerprint of the key entered.', { exact: false })).toBeVisible();
  await dialog.getByLabel(field('Fingerprint, as read out by the partner')).fill(key.fingerprint.toLowerCase());
  await expectAccessible(page, 'the partner registration dialog');
  await dialog.getByRole('button', { name: 'Register the partner' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(key.fingerprint);

  // ---- record a non-nominal agreement with it
  await page.getByRole('link', { name: 'Agreements' }).first().click();
  await page.getByRole('button', { name: 'Record an agreement' }).click();
  const form = page.getByRole('dialog', { name: 'Record an agreement' });
  await pickOption(page, form, 'Partner', name);
  await pickOption(page, form, 'Instrument', 'Memorandum of understanding');
  await form.getByLabel(field('Reference')).fill(`MoU ${tag}`);
  await form.getByRole('radio', { name: 'Non-nominal' }).check();
  await form.getByLabel(field('In force from')).fill('2024-01-01');
  await form.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(`MoU ${tag}`) })).toContainText('In force');
  // its signed document, uploaded as a scan and kept with it
  const agreementRow = page.getByRole('row', { name: new RegExp(`MoU ${tag}`) });
  await expect(agreementRow.getByTestId('agreement-document')).toContainText('No document');
  await agreementRow
    .getByTestId('agreement-document-upload')
    .setInputFiles({ name: `mou-${tag}.png`, mimeType: 'image/png', buffer: pngBytes(90, 120) });
  await expect(agreementRow.getByTestId('agreement-document')).toContainText(`mou-${tag}.png`);
  await expect(agreementRow.getByRole('button', { name: `Download the document of the agreement MoU ${tag}` })).toBeVisible();
  await expectAccessible(page, 'an agreement with its document');

  // ---- preview the validated case: nominal refused, non-nominal withholds the narrative
  const liaisonApi = await UserApi.login(request, liaison.username);
  const partners = await liaisonApi.get<{ items: { id: string; name: string }[] }>('/api/v1/exchange/partners');
  const partnerId = partners.items.find((p) => p.name === name)?.id;
  await page.goto(`/exchange/preview?case=${kase.id}&partner=${partnerId}&scope=nominal`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('No agreement in force covers this exchange')).toBeVisible();
  await page.getByRole('radio', { name: 'Non-nominal' }).check();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('The agreement this exchange rests on')).toBeVisible();
  await expect(page.getByText(`MoU ${tag}`).first()).toBeVisible();
  const narrative = page.getByRole('row', { name: /^narrative/ });
  await expect(narrative).toContainText('Not sent');
  await expect(page.getByText('Kowalski')).toHaveCount(0);
  await expectAccessible(page, 'the exchange preview');

  // ---- the CEN export: the case is pending, a batch takes it, and it is listed
  await page.getByRole('link', { name: 'CEN export' }).first().click();
  await expect(page.getByRole('heading', { name: 'Next batch' })).toBeVisible();
  await page.getByRole('button', { name: 'Make a batch' }).click();
  await expect(page.getByText(/Batch of \d+ cases? made\./)).toBeVisible();
  // the case left the next batch (not "nothing pending": a parallel test may validate a case meanwhile)
  await expect(page.getByTestId('cen-pending').locator(`[data-reference="${kase.reference}"]`)).toHaveCount(0);
  const downloads = page.getByRole('group', { name: /Download the batch of/ }).first();
  const [download] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('button', { name: 'CSV' }).click()]);
  const csv = await new Promise<string>((resolve, reject) => {
    void download.createReadStream().then((stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', reject);
    });
  });
  expect(csv).toContain('case_reference,');
  expect(csv).toContain(kase.reference);
  expect(csv).not.toContain('Kowalski');
});
