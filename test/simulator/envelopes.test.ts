import { inflateRawSync, crc32 as nodeCrc32 } from 'node:zlib';
import { SEED_IDS, TEMPLATE_IDS, type Simulator } from './index';
import { bearer, envelopeDefinition, http, jwtToken, samplePdf, useSimulatorSession } from './testHelpers';

let sim: Simulator;
let token: string;
let base: string;
useSimulatorSession((session) => ({ sim, token, base } = session));

const create = (def: Record<string, unknown>) => http.post(`${base}/envelopes`, def, bearer(token));
const get = (path: string, extra: object = {}) => http.get(`${base}${path}`, { ...bearer(token), ...extra });

function multipartBody(def: Record<string, unknown>, docs: Array<{ id: string; name: string; bytes: Buffer }>) {
	const boundary = 'sim-boundary-7MA4YWxkTrZu0gW';
	const parts: Buffer[] = [
		Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data\r\n\r\n${JSON.stringify(def)}\r\n`),
	];
	for (const d of docs) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: file; filename="${d.name}"; documentid=${d.id}\r\n\r\n`), d.bytes, Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Reads a ZIP with node's own zlib (independent of the simulator's writer). */
function unzip(zip: Buffer): Record<string, Buffer> {
	const out: Record<string, Buffer> = {};
	let pos = 0;
	while (zip.readUInt32LE(pos) === 0x04034b50) {
		const size = zip.readUInt32LE(pos + 18);
		const nameLength = zip.readUInt16LE(pos + 26);
		const name = zip.subarray(pos + 30, pos + 30 + nameLength).toString();
		const data = inflateRawSync(zip.subarray(pos + 30 + nameLength, pos + 30 + nameLength + size));
		expect(nodeCrc32(data)).toBe(zip.readUInt32LE(pos + 14));
		out[name] = data;
		pos += 30 + nameLength + size;
	}
	return out;
}

describe('REST access', () => {
	it('sends rate-limit headers and enforces membership and base URI', async () => {
		const ok = await get('/templates');
		expect(ok.status).toBe(200);
		expect(ok.headers['x-ratelimit-limit']).toBe('3000');
		expect(ok.headers['x-ratelimit-remaining']).toBe('2999');
		expect(Number(ok.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
		expect(ok.headers['x-burstlimit-remaining']).toBe('199');

		const wrongSite = await http.get(`${sim.url}/eu1/restapi/v2.1/accounts/${SEED_IDS.accounts.acmeNa}/templates`, bearer(token));
		expect(wrongSite.status).toBe(400);
		expect(wrongSite.data.errorCode).toBe('USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT');
		const notMember = await http.get(sim.restBase(SEED_IDS.accounts.initechNa) + '/templates', bearer(token));
		expect(notMember.data).toEqual({ errorCode: 'USER_LACKS_MEMBERSHIP', message: expect.any(String) });
		const noToken = await http.get(`${base}/templates`, bearer('expired-or-unknown'));
		expect(noToken.status).toBe(401);
		expect(noToken.data.errorCode).toBe('USER_AUTHENTICATION_FAILED');
	});

	it('answers hourly (400 or 429) and burst (429) limit errors without doing the work', async () => {
		sim.config.rateLimits.hourlyLimit = 2;
		expect((await get('/templates')).status).toBe(200);
		expect((await create(envelopeDefinition())).status).toBe(201);
		const over = await create(envelopeDefinition());
		expect(over.status).toBe(400);
		expect(over.data.errorCode).toBe('HOURLY_APIINVOCATION_LIMIT_EXCEEDED');
		expect(over.headers['x-ratelimit-remaining']).toBe('0');
		expect(sim.state.envelopes.size).toBe(1);
		sim.config.rateLimits.hourlyStatus = 429;
		expect((await get('/templates')).status).toBe(429);

		sim.reset();
		sim.config.rateLimits.burstLimit = 1;
		token = await jwtToken(sim);
		expect((await get('/templates')).status).toBe(200);
		const burst = await get('/templates');
		expect(burst.status).toBe(429);
		expect(burst.data.errorCode).toBe('BURST_APIINVOCATION_LIMIT_EXCEEDED');
	});
});

describe('envelopes', () => {
	it('creates from JSON and returns the document byte for byte', async () => {
		const res = await create(envelopeDefinition());
		expect(res.status).toBe(201);
		expect(res.data).toEqual({ envelopeId: expect.any(String), uri: `/envelopes/${res.data.envelopeId}`, statusDateTime: expect.any(String), status: 'sent' });
		const doc = await get(`/envelopes/${res.data.envelopeId}/documents/1`, { responseType: 'arraybuffer' });
		expect(doc.headers['content-type']).toBe('application/pdf');
		expect(Buffer.from(doc.data).equals(samplePdf())).toBe(true);
		expect(sim.counters()).toMatchObject({ 'POST envelopes': 1, 'GET envelope/document': 1 });
	});

	it('creates from multipart/form-data and keeps binary parts exact; archive is a real zip', async () => {
		const bytes = [samplePdf('one'), Buffer.concat([samplePdf('two'), Buffer.from('\r\n--not-a-boundary\r\n')])];
		const def = envelopeDefinition({ documents: [{ documentId: '1', name: 'One.pdf' }, { documentId: '2', name: 'Two.pdf' }] });
		const { body, contentType } = multipartBody(def, [{ id: '1', name: 'One.pdf', bytes: bytes[0] }, { id: '2', name: 'Two.pdf', bytes: bytes[1] }]);
		const res = await http.post(`${base}/envelopes`, body, { headers: { ...bearer(token).headers, 'Content-Type': contentType } });
		expect(res.status).toBe(201);
		const id = res.data.envelopeId;
		for (const [i, expected] of bytes.entries()) {
			const doc = await get(`/envelopes/${id}/documents/${i + 1}`, { responseType: 'arraybuffer' });
			expect(Buffer.from(doc.data).equals(expected)).toBe(true);
		}
		const list = await get(`/envelopes/${id}/documents`);
		expect(list.data.envelopeDocuments.map((d: { documentId: string }) => d.documentId)).toEqual(['1', '2', 'certificate']);
		const archive = await get(`/envelopes/${id}/documents/archive`, { responseType: 'arraybuffer' });
		expect(archive.headers['content-type']).toBe('application/zip');
		const files = unzip(Buffer.from(archive.data));
		expect(files['One.pdf'].equals(bytes[0])).toBe(true);
		expect(files['Two.pdf'].equals(bytes[1])).toBe(true);
		expect(files['Summary.pdf'].subarray(0, 5).toString()).toBe('%PDF-');
		for (const which of ['combined', 'certificate']) {
			const pdf = await get(`/envelopes/${id}/documents/${which}`, { responseType: 'arraybuffer' });
			expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe('%PDF-');
		}
	});

	it('rejects fields unknown to the spec, naming them, and creates nothing', async () => {
		const def = envelopeDefinition();
		(def.recipients as { signers: Array<Record<string, unknown>> }).signers[0].emailAddress = 'x@example.com';
		const res = await create({ ...def, subject: 'typo' });
		expect(res.status).toBe(400);
		expect(res.data.errorCode).toBe('INVALID_REQUEST_BODY');
		expect(res.data.message).toContain("'recipients.signers[0].emailAddress'");
		expect(res.data.message).toContain("'subject'");
		expect(sim.state.envelopes.size).toBe(0);
	});

	it('checks recipients, documents and PDFs like DocuSign', async () => {
		const badEmail = envelopeDefinition();
		(badEmail.recipients as { signers: Array<Record<string, unknown>> }).signers[0].email = 'not-an-email';
		expect((await create(badEmail)).data.errorCode).toBe('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT');
		const notPdf = envelopeDefinition({ documents: [{ documentId: '1', name: 'x.pdf', documentBase64: Buffer.from('hello').toString('base64') }] });
		expect((await create(notPdf)).data.errorCode).toBe('PDF_VALIDATION_FAILED');
		expect((await create(envelopeDefinition({ emailSubject: '' }))).data.errorCode).toBe('ENVELOPE_IS_INCOMPLETE');
		expect((await get('/envelopes/00000000-0000-4000-8000-000000000000')).data.errorCode).toBe('ENVELOPE_DOES_NOT_EXIST');
	});

	it('moves through the status machine in routing order', async () => {
		const draft = await create(envelopeDefinition({ status: 'created' }));
		const id = draft.data.envelopeId;
		expect(draft.data.status).toBe('created');
		expect((await http.put(`${base}/envelopes/${id}`, { status: 'sent' }, bearer(token))).status).toBe(200);
		const early = await http.post(`${sim.url}/__sim/envelopes/${id}/recipients/2/sign`);
		expect(early.status).toBe(409);
		expect(early.data.errorCode).toBe('RECIPIENT_NOT_IN_SEQUENCE');
		// Delivered only once every recipient has opened it (spec: ConnectConfigurations.envelopeEvents).
		expect((await http.post(`${sim.url}/__sim/envelopes/${id}/recipients/1/sign`)).data).toEqual({ envelopeStatus: 'sent', recipientStatus: 'completed' });
		const mid = await get(`/envelopes/${id}?include=recipients,custom_fields,documents`);
		expect(mid.data.status).toBe('sent');
		expect(mid.data.recipients.signers.map((r: { status: string }) => r.status)).toEqual(['completed', 'sent']);
		expect(mid.data.recipients.carbonCopies[0].status).toBe('created');
		expect(mid.data.customFields.textCustomFields[0]).toMatchObject({ name: 'orderId', value: 'A-1001' });
		sim.sign(id, '2');
		const done = await get(`/envelopes/${id}/recipients`);
		expect(done.data.carbonCopies[0].status).toBe('completed');
		expect((await get(`/envelopes/${id}`)).data).toMatchObject({ status: 'completed', completedDateTime: expect.any(String) });
		expect((await http.put(`${base}/envelopes/${id}`, { status: 'voided', voidedReason: 'late' }, bearer(token))).data.errorCode).toBe('ENVELOPE_CANNOT_VOID_INVALID_STATE');
	});

	it('voids (with a reason), resends and declines', async () => {
		const a = (await create(envelopeDefinition())).data.envelopeId;
		expect((await http.put(`${base}/envelopes/${a}?resend_envelope=true`, undefined, bearer(token))).status).toBe(200);
		expect(sim.state.envelopes.get(a)!.resendCount).toBe(1);
		expect((await http.put(`${base}/envelopes/${a}`, { status: 'voided' }, bearer(token))).status).toBe(400);
		expect((await http.put(`${base}/envelopes/${a}`, { status: 'voided', voidedReason: 'Wrong terms' }, bearer(token))).status).toBe(200);
		expect((await get(`/envelopes/${a}`)).data).toMatchObject({ status: 'voided', voidedReason: 'Wrong terms' });
		const b = (await create(envelopeDefinition())).data.envelopeId;
		sim.decline(b, '1', 'No thanks');
		expect((await get(`/envelopes/${b}`)).data.status).toBe('declined');
		const put = await http.put(`${base}/envelopes/${b}/recipients`, { signers: [{ recipientId: '2', email: 'new@example.com' }] }, bearer(token));
		expect(put.data.errorCode).toBe('ENVELOPE_INVALID_STATUS');
	});

	it('corrects recipients and lists custom fields', async () => {
		const id = (await create(envelopeDefinition())).data.envelopeId;
		const put = await http.put(`${base}/envelopes/${id}/recipients?resend_envelope=true`, { signers: [{ recipientId: '1', email: 'fixed@example.com', name: 'Fixed Name' }] }, bearer(token));
		expect(put.data.recipientUpdateResults[0]).toEqual({ recipientId: '1', errorDetails: { errorCode: 'SUCCESS', message: '' } });
		expect((await get(`/envelopes/${id}/recipients?include_tabs=true`)).data.signers[0]).toMatchObject({ email: 'fixed@example.com', tabs: { signHereTabs: [expect.objectContaining({ anchorString: '/sn1/' })] } });
		expect((await get(`/envelopes/${id}/custom_fields`)).data.textCustomFields).toEqual([expect.objectContaining({ name: 'orderId', value: 'A-1001' })]);
	});

	it('lists with from_date, filters and DocuSign paging', async () => {
		expect((await get('/envelopes')).data.errorCode).toBe('INVALID_REQUEST_PARAMETER');
		for (let i = 0; i < 3; i++) await create(envelopeDefinition({ customFields: { textCustomFields: [{ name: 'orderId', value: `A-${i}` }] } }));
		await create(envelopeDefinition({ status: 'created' }));
		const from = new Date(Date.now() - 60_000).toISOString();
		const page = await get(`/envelopes?from_date=${from}&count=2`);
		// The draft is left out unless status names created (customFieldsAndDrafts.test.ts).
		expect(page.data).toMatchObject({ resultSetSize: '2', totalSetSize: '3', startPosition: '0', endPosition: '1' });
		expect(page.data.nextUri).toMatch(/^\/envelopes\?.*start_position=2/);
		const next = await get(page.data.nextUri);
		expect(next.data).toMatchObject({ resultSetSize: '1', startPosition: '2', nextUri: '' });
		expect((await get(`/envelopes?from_date=${from}&status=any`)).data.totalSetSize).toBe('3');
		expect((await get(`/envelopes?from_date=${from}&status=created,sent&folder_ids=draft`)).data.totalSetSize).toBe('1');
		expect((await get(`/envelopes?from_date=${from}&custom_field=orderId=A-1`)).data.envelopes).toHaveLength(1);
		const none = await get(`/envelopes?from_date=${from}&search_text=nobody-matches`);
		expect(none.data).toMatchObject({ resultSetSize: '0', totalSetSize: '0' });
		expect(none.data.envelopes).toBeUndefined();
	});
});

describe('templates, views and bulk send', () => {
	it('lists and reads templates with roles and labelled tabs', async () => {
		const list = await get('/templates?search_text=offer');
		expect(list.data.envelopeTemplates.map((t: { name: string }) => t.name)).toEqual(['Employment Offer Letter']);
		const t = await get(`/templates/${TEMPLATE_IDS.offerLetter}`);
		expect(t.data.recipients.signers.map((r: { roleName: string }) => r.roleName)).toEqual(['Signer', 'Manager']);
		expect(t.data.recipients.carbonCopies[0].roleName).toBe('CC');
		expect(t.data.recipients.signers[0].tabs.textTabs.map((x: { tabLabel: string }) => x.tabLabel)).toEqual(['start_date', 'salary']);
		expect((await get('/templates/nope')).data.errorCode).toBe('TEMPLATE_ID_INVALID');
	});

	it('template search_text matches names only and refuses more than 48 characters (spec search_text)', async () => {
		const byName = await get('/templates?search_text=offer');
		expect(byName.data.envelopeTemplates.map((t: { name: string }) => t.name)).toEqual(['Employment Offer Letter']);
		const tooLong = await get(`/templates?search_text=${'x'.repeat(49)}`, { validateStatus: () => true });
		expect([tooLong.status, tooLong.data.errorCode]).toEqual([400, 'INVALID_REQUEST_PARAMETER']);
	});

	it('template folders: the user\'s root "Templates" folder holds their folders, one subfolder level unless sub_folder_depth=-1', async () => {
		type Folder = { name: string; type: string; folders?: Folder[] };
		const tree = (folders: Folder[]): unknown => folders.map((f) => [f.name, f.type, ...(f.folders ? [tree(f.folders)] : [])]);
		const shallow = await get('/folders?include=template_folders,shared_template_folders');
		expect(tree(shallow.data.folders)).toEqual([['Templates', 'templates', [['HR', 'custom']]], ['Legal', 'sharedtemplates']]);
		const deep = await get('/folders?include=template_folders&sub_folder_depth=-1');
		expect(tree(deep.data.folders)).toEqual([['Templates', 'templates', [['HR', 'custom', [['Offers', 'custom']]]]]]);
		expect(deep.data.folders[0].folders[0].hasSubFolders).toBe('true');
	});

	it('sends from a template with templateRoles and fills tab values by label', async () => {
		const res = await create({
			templateId: TEMPLATE_IDS.mutualNda, status: 'sent',
			templateRoles: [{ roleName: 'Signer', name: 'Sam Signer', email: 'sam@example.com', clientUserId: 'u-1', tabs: { textTabs: [{ tabLabel: 'company_name', value: 'Acme' }] } }],
		});
		expect(res.status).toBe(201);
		const recipients = (await get(`/envelopes/${res.data.envelopeId}/recipients?include_tabs=true`)).data;
		expect(recipients.signers[0]).toMatchObject({ roleName: 'Signer', email: 'sam@example.com' });
		expect(recipients.signers[0].tabs.textTabs.find((x: { tabLabel: string }) => x.tabLabel === 'company_name').value).toBe('Acme');
		expect(recipients.carbonCopies).toEqual([]);

		const wrong = await http.post(`${base}/envelopes/${res.data.envelopeId}/views/recipient`, { returnUrl: 'http://127.0.0.1:9/', authenticationMethod: 'none', email: 'x@example.com', userName: 'X', clientUserId: 'u-1' }, bearer(token));
		expect(wrong.data.errorCode).toBe('UNKNOWN_ENVELOPE_RECIPIENT');
		const view = await http.post(`${base}/envelopes/${res.data.envelopeId}/views/recipient`, { returnUrl: 'http://127.0.0.1:9/done', authenticationMethod: 'none', email: 'sam@example.com', userName: 'Sam Signer', clientUserId: 'u-1' }, bearer(token));
		expect(view.status).toBe(201);
		const page = await http.get(view.data.url);
		expect(page.status).toBe(200);
		const signed = await http.get(`${view.data.url.split('?')[0]}?action=sign`);
		expect(signed.status).toBe(302);
		expect(signed.headers.location).toBe('http://127.0.0.1:9/done?event=signing_complete');
		expect((await get(`/envelopes/${res.data.envelopeId}`)).data.status).toBe('completed');
	});

	it('bulk sends one envelope per copy and reports the batch', async () => {
		// Every copy fills every role of the template (Signer and CC), as DocuSign requires.
		const cc = { roleName: 'CC', name: 'Legal', email: 'legal@example.com' };
		const list = await http.post(`${base}/bulk_send_lists`, {
			name: 'Q3 NDAs',
			bulkCopies: [
				{ recipients: [{ roleName: 'Signer', name: 'A One', email: 'a1@example.com' }, cc], customFields: [{ name: 'Cost Center', value: 'CC-1' }] },
				{ recipients: [{ roleName: 'Signer', name: 'B Two', email: 'bad-email' }, cc] },
			],
		}, bearer(token));
		expect(list.status).toBe(201);
		const sent = await http.post(`${base}/bulk_send_lists/${list.data.listId}/send`, { envelopeOrTemplateId: TEMPLATE_IDS.mutualNda, batchName: 'b1' }, bearer(token));
		expect(sent.status).toBe(201);
		expect(sent.data).toMatchObject({ batchSize: '2', batchName: 'b1' });
		const batch = await get(`/bulk_send_batch/${sent.data.batchId}`);
		expect(batch.data).toMatchObject({ sent: '1', failed: '1', queued: '0' });
		expect(batch.data.bulkErrors[0].errorMessage).toContain('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT');
	});
});
