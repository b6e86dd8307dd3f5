import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { png } from './png';
import { expect, expectAccessible, minimalCase, pastIso, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Packages between nodes as a liaison officer lives them (issue 17): a partner's node (played
 * by this spec: an Ed25519 key of its own, packages built and signed as docs/exchange.md says)
 * delivers two packages to this node's inbox; the officer opens the first, checks where it
 * comes from and the photo that came with it, imports it and follows to the received case, its courier marked as received from
 * the partner's country with the matching record of the registers proposed, never merged, which
 * the officer links (the register person's page then lists the received case); the
 * officer dismisses the second with a reason; the partner withdraws the first case, and the
 * received case says so at once. Then the other way: a validated case previewed
 * and sent to the partner, whose node cannot be reached, so the package waits in the outbox.
 */

interface Created {
  id: string;
  version: number;
  reference: string;
}

/** The partner's node: its key pair, and its public key and fingerprint as `ncen exchange key` prints them. */
function partnerNode() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // the raw key is the last 32 bytes of its SPKI encoding
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  const digest = createHash('sha256').update(raw).digest('hex').toUpperCase().slice(0, 32);
  return { privateKey, hex: raw.toString('hex'), fingerprint: digest.match(/.{4}/g)!.join(' ') };
}

/**
 * Canonical JSON (RFC 8785) of a value made of objects, arrays, strings and integers: keys in
 * UTF-16 order (JavaScript's default sort), no whitespace, strings and numbers as
 * `JSON.stringify` writes them.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Delivers `pkg` to this node's inbox as a partner's node does: canonical body, the attempt signed with the body's hash. */
async function deliver(request: APIRequestContext, key: { privateKey: KeyObject; hex: string }, pkg: object) {
  const body = canonical(pkg);
  const sentAt = new Date().toISOString();
  const sha = createHash('sha256').update(body, 'utf8').digest('hex');
  const signature = sign(null, Buffer.from(`ncen-exchange/1\n${sentAt}\n${sha}`, 'utf8'), key.privateKey).toString('hex');
  const res = await request.post('/api/v1/exchange/inbox', {
    headers: { 'Content-Type': 'application/json', 'Ncen-Key': key.hex, 'Ncen-Sent-At': sentAt, 'Ncen-Signature': signature },
    data: Buffer.from(body, 'utf8'),
  });
  expect(res.status(), await res.text()).toBe(200);
  const ack = (await res.json()) as { package_id: string; status: string };
  expect(ack).toMatchObject({ package_id: (pkg as { id: string }).id, status: 'accepted' });
}

/** Uploads a file to this node's inbox as a partner's node does before the package that lists it; its SHA-256. */
async function upload(request: APIRequestContext, key: { privateKey: KeyObject; hex: string }, bytes: Buffer) {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const sentAt = new Date().toISOString();
  const signature = sign(null, Buffer.from(`ncen-exchange/1\n${sentAt}\n${sha}`, 'utf8'), key.privateKey).toString('hex');
  const res = await request.put(`/api/v1/exchange/inbox/files/${sha}`, {
    headers: { 'Content-Type': 'application/octet-stream', 'Ncen-Key': key.hex, 'Ncen-Sent-At': sentAt, 'Ncen-Signature': signature },
    data: bytes,
  });
  expect(res.status(), await res.text()).toBe(204);
  return sha;
}

/** Letters only, for names the matching engine reads as names. */
function letters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

test('a liaison officer imports a package from a partner, reads the received case, dismisses another, and sends a case', async ({
  page,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = uid('XP').toUpperCase();
  const unit = await adminApi.createUnit(`XP${tag.slice(-8)}`, `Packages unit ${tag}`);
  const officer = await adminApi.createUser(uid('officer'), unit.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('supervisor'), unit.id, ['supervisor']);
  const liaison = await adminApi.createUser(uid('liaison'), unit.id, ['liaison']);
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const supervisorApi = await UserApi.login(request, supervisor.username);
  const liaisonApi = await UserApi.login(request, liaison.username);

  // ---- the partner, registered with the key it gave and the fingerprint it read out; its node is unreachable
  const key = partnerNode();
  const name = `Belgian customs ${tag}`;
  const partner = await liaisonApi.post<Created>('/api/v1/exchange/partners', {
    country: 'BE',
    name,
    endpoint: 'http://127.0.0.1:9',
    public_key: key.hex,
    fingerprint: key.fingerprint,
  });
  await liaisonApi.post('/api/v1/exchange/agreements', {
    partner_id: partner.id,
    instrument: 'bilateral_cmaa',
    reference: `BE CMAA ${tag}`,
    purposes: ['Prevention and investigation of customs offences'],
    scope: 'nominal',
    commodity_groups: [],
    valid_from: '2020-01-01',
  });
  const node = await liaisonApi.get<{ country: string; fingerprint: string }>('/api/v1/exchange/node');

  // ---- a person of this node's registers whom the partner's courier may be
  const family = `Vermeulen${letters(6)}`;
  const courier = { family_name: family, given_names: 'Pieter', date_of_birth: '1985-03-14', nationalities: ['BE'] };
  const known = await officerApi.post<Created>('/api/v1/persons', courier);

  // ---- the partner's node uploads a photo, then delivers two packages (the first lists the photo)
  const photo = png(48, 32, (x, y) => [x * 5, y * 7, 120]);
  const photoSha = await upload(request, key, photo);
  const photoAttachment = {
    id: randomUUID(),
    kind: 'photo',
    caption: `Suitcase, false bottom ${tag}`,
    media_type: 'image/png',
    size_bytes: photo.length,
    sha256: photoSha,
    width: 48,
    height: 32,
    cleared_for_export: false,
  };
  const packageOf = (reference: string, attachments: object[] = []) => ({
    format: 'ncen-exchange/1',
    id: randomUUID(),
    sender: { country: 'BE', fingerprint: key.fingerprint },
    recipient: { country: node.country, fingerprint: node.fingerprint },
    agreement: { instrument: 'bilateral_cmaa', reference: `BE CMAA ${tag}` },
    scope: 'nominal',
    created_at: new Date().toISOString(),
    cases: [
      {
        reference,
        version: 1,
        document: {
          reference,
          version: 1,
          detected_at: pastIso(30),
          goods: [{ commodity_group: 'drugs', quantity: 4, unit: 'kg' }],
          persons: [{ role: 'courier', person: courier }],
          attachments,
        },
      },
    ],
  });
  const first = packageOf('BE-2026-000777', [photoAttachment]);
  const second = packageOf('BE-2026-000778');
  await deliver(request, key, first);
  await deliver(request, key, second);

  // ---- the inbox: the package, where it comes from, imported
  await signInAs(page, liaison.username, PASSWORD);
  await page.getByRole('link', { name: 'Exchange' }).click();
  const pages = page.getByRole('navigation', { name: 'Exchange pages' });
  await pages.getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  const row = page.locator(`tr[data-package-id="${first.id}"]`);
  await expect(row).toContainText(name);
  await expect(row.getByTestId('inbox-status')).toHaveText('To review');
  await row.getByRole('link').first().click();

  await expect(page.getByRole('heading', { name: `Package from ${name}`, level: 1 })).toBeVisible();
  const provenance = page.getByTestId('provenance');
  await expect(provenance.getByTestId('provenance-badge')).toHaveText(`Received from ${name}`);
  await expect(provenance.getByTestId('provenance-partner')).toContainText(name);
  await expect(provenance.getByTestId('provenance-country')).toContainText('Belgium');
  await expect(provenance.getByTestId('provenance-agreement')).toContainText(`BE CMAA ${tag}`);
  await expect(provenance.getByTestId('provenance-id')).toContainText(first.id);
  await expect(page.getByTestId('received-document')).toContainText(family);
  await expectAccessible(page, 'a received package waiting for review');
  // the photo that came with it, shown as the partner sent it
  await page.getByRole('tab', { name: 'Files (1)' }).click();
  const file = page.getByTestId('received-files').locator(`[data-testid="received-file"][data-sha256="${photoSha}"]`);
  await expect(file).toContainText(`Suitcase, false bottom ${tag}`);
  await expect.poll(() => file.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);

  await page.getByTestId('review').getByRole('button', { name: 'Import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-created')).toContainText('1');
  await expect(report.getByTestId('report-updated')).toContainText('0');
  await expect(report.getByTestId('report-unchanged')).toContainText('0');
  await expect(provenance.getByTestId('inbox-status')).toHaveText('Imported');
  await expect(page.getByTestId('review')).toHaveCount(0);
  await expectAccessible(page, 'what an import did');

  // ---- the received case: its provenance, the courier received from Belgium, the register record proposed
  await report.getByRole('link', { name: 'BE-2026-000777' }).click();
  await expect(page.getByRole('heading', { name: 'Received case BE-2026-000777', level: 1 })).toBeVisible();
  await expect(page.getByTestId('no-merge')).toContainText('is merged into this node’s cases or registers automatically');
  const origin = page.getByTestId('received-provenance');
  await expect(origin.getByTestId('received-partner')).toContainText(`${name} (Belgium)`);
  await expect(origin.getByTestId('received-package').getByRole('link')).toHaveAttribute('href', `/exchange/inbox/${first.id}`);
  const person = page.getByTestId('received-party').filter({ hasText: family });
  await expect(person.getByTestId('provenance-badge')).toHaveText('Received from Belgium');
  await expect(person.getByTestId('party-role')).toHaveText('Person · Courier');
  const match = person.getByTestId('party-candidate').filter({ has: page.locator(`a[href="/registers/persons/${known.id}"]`) });
  await expect(match).toBeVisible();
  await expect(match.getByTestId('candidate-score')).toHaveText(/^\d+(\.\d)?%$/);
  await match.getByRole('button', { name: 'Why?' }).click();
  await expect(person.getByTestId('candidate-evidence')).toContainText('Date of birth');
  await expect(page.getByTestId('received-versions').getByTestId('received-version-row')).toHaveCount(1);
  // the officer says the courier is the register's person: linked, never merged
  await match.getByTestId('party-link').click();
  const linked = person.getByTestId('party-linked');
  await expect(linked).toHaveAttribute('data-record-id', known.id);
  await expect(linked.getByTestId('party-linked-record')).toHaveAttribute('href', `/registers/persons/${known.id}`);
  await expectAccessible(page, 'a received party linked to a register record');
  // the register person's page lists what partners sent about them
  await linked.getByTestId('party-linked-record').click();
  const fromPartners = page.getByTestId('received-from-partners');
  await expect(fromPartners.getByTestId('received-from-partners-item')).toHaveCount(1);
  await expect(fromPartners.getByTestId('received-from-partners-item')).toContainText('BE-2026-000777');
  await expectAccessible(page, 'a register person received from partners');
  await page.goBack();
  await expect(person.getByTestId('party-linked')).toBeVisible();
  await page.getByRole('tab', { name: 'Files (1)' }).click();
  await expect.poll(() => page.getByTestId('received-file').getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await expectAccessible(page, 'a received case');

  // ---- listed with the received cases
  await pages.getByRole('link', { name: 'Received cases' }).click();
  const received = page.getByRole('row', { name: /BE-2026-000777/ }).filter({ hasText: name });
  await expect(received.getByTestId('provenance-badge')).toHaveText('Received from Belgium');
  await expect(received.getByTestId('received-version')).toHaveText('v1');
  await expectAccessible(page, 'the received cases');

  // ---- the partner withdraws the case: applied on arrival, the received case says so
  const withdrawal = {
    ...packageOf('BE-2026-000777'),
    cases: [],
    withdrawal: { package_id: first.id, reason: `Seizure annulled by the court ${tag}`, cases: [{ reference: 'BE-2026-000777', version: 1 }] },
  };
  await deliver(request, key, withdrawal);
  await page.goto(`/exchange/inbox/${withdrawal.id}`);
  await expect(page.getByText(`Seizure annulled by the court ${tag}`)).toBeVisible();
  await expect(page.getByTestId('review')).toHaveCount(0);
  await expectAccessible(page, 'a withdrawal received from a partner');
  await page.goto('/exchange/received');
  const withdrawn = page.getByRole('row', { name: /BE-2026-000777/ }).filter({ hasText: name });
  await expect(withdrawn).toContainText('Withdrawn by sender');
  await withdrawn.getByRole('link').first().click();
  await expect(page.getByTestId('received-withdrawal-reason')).toContainText(`Seizure annulled by the court ${tag}`);
  await expectAccessible(page, 'a received case the sender withdrew');

  // ---- the second package, dismissed with a reason
  await page.goto(`/exchange/inbox/${second.id}`);
  await page.getByTestId('review').getByRole('button', { name: 'Dismiss' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss this package' });
  await dialog.getByRole('textbox', { name: /Reason/ }).fill(`Sent twice by the partner ${tag}`);
  await expectAccessible(page, 'the dismissal of a package');
  await dialog.getByRole('button', { name: 'Dismiss the package' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('review-note')).toContainText(`Sent twice by the partner ${tag}`);
  await expect(page.getByTestId('provenance').getByTestId('inbox-status')).toHaveText('Dismissed');

  // ---- the other way: a validated case previewed, sent, and waiting in the outbox (the partner cannot be reached)
  const kase = await officerApi.post<Created>('/api/v1/seizures', minimalCase(`Port ${tag}`));
  const submitted = await officerApi.post<Created>(`/api/v1/seizures/${kase.id}/submit`, {}, 200, kase.version);
  await supervisorApi.post(`/api/v1/seizures/${kase.id}/validate`, {}, 200, submitted.version);
  await page.goto(`/exchange/preview?case=${kase.id}&partner=${partner.id}&scope=nominal`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('The agreement this exchange rests on')).toBeVisible();
  await page.getByRole('button', { name: `Send to ${name}` }).click();
  const send = page.getByRole('dialog', { name: `Send to ${name}` });
  await expect(send).toContainText(kase.reference);
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page).toHaveURL(/\/exchange\/outbox\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Package for ${name}`, level: 1 })).toBeVisible();
  // pending, or caught during an attempt: read again every 5 seconds until it waits again
  await expect(page.getByTestId('package-status')).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('package-summary').getByRole('link', { name: kase.reference })).toBeVisible();
  await expect(page.getByTestId('package-attempts')).toBeVisible();
  await expectAccessible(page, 'a package waiting for delivery');
  await request.dispose();
});
