/**
 * Envelope → Create in n8n's real engine: the multipart request DocuSign reads (JSON definition
 * validated against the official spec, each document's bytes and documentid), the output, and
 * bad input refused before any call.
 */
import {
	ACCOUNT_ID,
	AUTH,
	BASE_URI,
	REST_PATH,
	binaryBytes,
	bodyBytes,
	accountFieldsSent,
	derivedTransactionId,
	nockAccountCustomFields,
	envelopeSummary,
	installNockLifecycle,
	nockCreateEnvelope,
	nockUserinfo,
	oauthCredential,
	readMultipart,
	runDocuSign,
	runError,
	userinfo,
	type CapturedRequest,
} from './createFixtures';
import { memoryBinary, storedBinary } from '../../engine/binaryData';

import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clearAccountCache, clock } from '../../../nodes/DocuSign/transport';
import { expectSpecValid } from '../kit';

installNockLifecycle();
beforeEach(() => clearAccountCache());

const PDF = binaryBytes(70_000, 7);
const DOCX = Buffer.from('PK\u0003\u0004 a small DOCX stand-in, valid UTF-8 text\r\n--not-a-boundary--\r\n', 'latin1');

const pdfItem = (bytes = PDF): INodeExecutionData => ({
	json: { customer: 'ACME' },
	binary: {
		data: memoryBinary(bytes, { fileName: 'Service Agreement.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' }),
		terms: memoryBinary(DOCX, {
			fileName: 'terms.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		}),
	},
});

const signer = (overrides: INodeParameters = {}): INodeParameters => ({
	name: 'Jane Doe',
	email: 'jane@example.com',
	routingOrder: 1,
	...overrides,
});

const baseParameters = (overrides: INodeParameters = {}): INodeParameters => ({
	operation: 'create',
	emailSubject: 'Please sign: Service Agreement',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: { signer: [signer()] },
	status: 'sent',
	...overrides,
});

const expectValidDefinition = (definition: IDataObject) => expectSpecValid('envelopeDefinition', definition);

describe('Envelope → Create', () => {
	it('uploads two documents as multipart parts with a spec-valid definition, and outputs the envelope', async () => {
		nockUserinfo();
		// Custom fields in a create replace the account's own: the node reads them and sends them along.
		const accountFieldsRead = nockAccountCustomFields();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(
			baseParameters({
				documents: {
					document: [
						{ binaryPropertyName: 'data', name: '' },
						{ binaryPropertyName: 'terms', name: 'Terms and Conditions' },
					],
				},
				signers: {
					signer: [
						signer({
							clientUserId: 'crm-user-42',
							tabs: {
								signHereTabs: [
									{ placement: 'anchor', anchorString: '/sn1/', anchorXOffset: 10, anchorYOffset: -5, anchorUnits: 'pixels' },
								],
								initialHereTabs: [{ placement: 'position', documentNumber: 2, pageNumber: 3, xPosition: 100, yPosition: 650.4 }],
								dateSignedTabs: [
									{ placement: 'anchor', anchorString: '/ds1/', anchorUnits: 'inches', anchorXOffset: 0.5, anchorIgnoreIfNotPresent: true },
								],
								fullNameTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 72, yPosition: 144 }],
								textTabs: [
									{ placement: 'anchor', anchorString: '/company/', tabLabel: 'company', value: 'ACME Corp', required: false, locked: true },
								],
								checkboxTabs: [{ placement: 'anchor', anchorString: '/agree/', tabLabel: 'agree', selected: true, required: true }],
							},
						}),
						signer({ name: 'Bob Roe', email: 'bob@example.org', routingOrder: 2, recipientId: '7' }),
					],
				},
				carbonCopies: { carbonCopy: [{ name: 'Legal', email: 'legal@example.com', routingOrder: 3 }] },
				options: {
					emailBlurb: 'Hello Jane,\nplease sign.',
					customFields: { field: [{ name: 'crmDealId', value: 'D-1001', show: false }] },
					statusNotification: {
						webhook: {
							url: 'https://n8n.example.com/webhook/docusign',
							events: ['envelope-completed', 'recipient-completed'],
							includeData: ['recipients'],
							includeHMAC: true,
							requireAcknowledgment: true,
						},
					},
				},
			}),
			[pdfItem()],
		);

		expect(runError(result)).toBeUndefined();
		expect(captured).toHaveLength(1);
		const { contentType, definition, jsonPart, documentParts } = readMultipart(captured[0]);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=n8n-docusign-[0-9a-f]{32}$/);
		expect(captured[0].headers.authorization).toBe('Bearer good-token');
		expect(Number(captured[0].headers['content-length'])).toBe(captured[0].bytes.length);

		expect(jsonPart.headers['content-type']).toBe('application/json');
		expect(jsonPart.dispositionType).toBe('form-data');
		expectValidDefinition(definition);
		expect(definition).toEqual({
			emailSubject: 'Please sign: Service Agreement',
			emailBlurb: 'Hello Jane,\nplease sign.',
			status: 'sent',
			documents: [
				{ documentId: '1', name: 'Service Agreement.pdf', fileExtension: 'pdf' },
				{ documentId: '2', name: 'Terms and Conditions', fileExtension: 'docx' },
			],
			recipients: {
				signers: [
					{
						name: 'Jane Doe',
						email: 'jane@example.com',
						routingOrder: '1',
						recipientId: '1',
						clientUserId: 'crm-user-42',
						tabs: {
							signHereTabs: [{ anchorString: '/sn1/', anchorXOffset: '10', anchorYOffset: '-5', anchorUnits: 'pixels' }],
							initialHereTabs: [{ documentId: '2', pageNumber: '3', xPosition: '100', yPosition: '650' }],
							dateSignedTabs: [
								{ anchorString: '/ds1/', anchorXOffset: '0.5', anchorYOffset: '0', anchorUnits: 'inches', anchorIgnoreIfNotPresent: 'true' },
							],
							fullNameTabs: [{ documentId: '1', pageNumber: '1', xPosition: '72', yPosition: '144' }],
							textTabs: [
								{
									anchorString: '/company/',
									anchorXOffset: '0',
									anchorYOffset: '0',
									anchorUnits: 'pixels',
									tabLabel: 'company',
									value: 'ACME Corp',
									required: 'false',
									locked: 'true',
								},
							],
							checkboxTabs: [
								{
									anchorString: '/agree/',
									anchorXOffset: '0',
									anchorYOffset: '0',
									anchorUnits: 'pixels',
									tabLabel: 'agree',
									selected: 'true',
									required: 'true',
									locked: 'false',
								},
							],
						},
					},
					{ name: 'Bob Roe', email: 'bob@example.org', routingOrder: '2', recipientId: '7' },
				],
				carbonCopies: [{ name: 'Legal', email: 'legal@example.com', routingOrder: '3', recipientId: '2' }],
			},
			customFields: {
				textCustomFields: [...accountFieldsSent().text, { name: 'crmDealId', value: 'D-1001', show: 'false' }],
				listCustomFields: accountFieldsSent().list,
			},
			transactionId: derivedTransactionId(),
			eventNotification: {
				url: 'https://n8n.example.com/webhook/docusign',
				deliveryMode: 'SIM',
				events: ['envelope-completed', 'recipient-completed'],
				eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients'] },
				includeHMAC: 'true',
				requireAcknowledgment: 'true',
				loggingEnabled: 'true',
			},
		});
		expect(definition.documents).not.toEqual(
			expect.arrayContaining([expect.objectContaining({ documentBase64: expect.anything() })]),
		);

		expect(accountFieldsRead.isDone()).toBe(true);
		expect(documentParts).toHaveLength(2);
		expect(documentParts[0].dispositionType).toBe('file');
		expect(documentParts[0].disposition).toEqual({ filename: 'Service Agreement.pdf', documentid: '1' });
		expect(documentParts[0].headers['content-type']).toBe('application/pdf');
		expect(documentParts[0].data.equals(PDF)).toBe(true);
		expect(documentParts[1].disposition).toEqual({ filename: 'terms.docx', documentid: '2' });
		expect(documentParts[1].headers['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
		expect(documentParts[1].data.equals(DOCX)).toBe(true);

		const output = result.outputOf('DocuSign');
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toEqual({
			...envelopeSummary(1),
			alreadyExisted: false,
			accountId: ACCOUNT_ID,
			emailSubject: 'Please sign: Service Agreement',
			documents: [
				{ documentId: '1', name: 'Service Agreement.pdf', fileExtension: 'pdf', bytes: PDF.length },
				{ documentId: '2', name: 'Terms and Conditions', fileExtension: 'docx', bytes: DOCX.length },
			],
			recipients: [
				{ recipientId: '1', recipientType: 'signer', name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1, clientUserId: 'crm-user-42' },
				{ recipientId: '7', recipientType: 'signer', name: 'Bob Roe', email: 'bob@example.org', routingOrder: 2 },
				{ recipientId: '2', recipientType: 'carbonCopy', name: 'Legal', email: 'legal@example.com', routingOrder: 3 },
			],
		});
	});

	it('streams documents from n8n\'s filesystem binary store byte for byte', async () => {
		const big = binaryBytes(1_500_000, 3);
		const stored = await storedBinary(big, { fileName: 'big.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(stored.id).toMatch(/^filesystem-v2:/);
		nockUserinfo();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(baseParameters(), [{ json: {}, binary: { data: stored } }]);

		expect(runError(result)).toBeUndefined();
		const { definition, documentParts } = readMultipart(captured[0]);
		expectValidDefinition(definition);
		expect(definition.documents).toEqual([{ documentId: '1', name: 'big.pdf', fileExtension: 'pdf' }]);
		expect(documentParts).toHaveLength(1);
		expect(documentParts[0].disposition.documentid).toBe('1');
		expect(documentParts[0].data.length).toBe(big.length);
		expect(documentParts[0].data.equals(big)).toBe(true);
		expect(result.outputOf('DocuSign')[0].json.documents).toEqual([
			{ documentId: '1', name: 'big.pdf', fileExtension: 'pdf', bytes: big.length },
		]);
	});

	it('saves a draft, one envelope per item with that item\'s file, resolving the account once', async () => {
		nockUserinfo(1);
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured, 2);
		const second = binaryBytes(1000, 99);

		const result = await runDocuSign(
			baseParameters({
				status: 'created',
				emailSubject: '=Contract for {{ $json.customer }}',
				signers: { signer: [signer({ name: '={{ $json.customer }} signer', email: '={{ $json.email }}' })] },
			}),
			[
				{ ...pdfItem(), json: { customer: 'ACME', email: 'a@acme.test' } },
				{ ...pdfItem(second), json: { customer: 'Globex', email: 'b@globex.test' } },
			],
		);

		expect(runError(result)).toBeUndefined();
		expect(captured).toHaveLength(2);
		const [first, next] = captured.map(readMultipart);
		expectValidDefinition(first.definition);
		expectValidDefinition(next.definition);
		expect(first.definition).toMatchObject({
			status: 'created',
			emailSubject: 'Contract for ACME',
			recipients: { signers: [{ name: 'ACME signer', email: 'a@acme.test' }] },
		});
		expect(next.definition).toMatchObject({
			status: 'created',
			emailSubject: 'Contract for Globex',
			recipients: { signers: [{ name: 'Globex signer', email: 'b@globex.test' }] },
		});
		expect(first.documentParts[0].data.equals(PDF)).toBe(true);
		expect(next.documentParts[0].data.equals(second)).toBe(true);
		const output = result.outputOf('DocuSign');
		expect(output.map((item) => [item.json.status, item.pairedItem])).toEqual([
			['created', { item: 0 }],
			['created', { item: 1 }],
		]);
	});

	it('merges Advanced (JSON) into the definition: objects by key, arrays item by item', async () => {
		nockUserinfo();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(
			baseParameters({
				signers: { signer: [signer(), signer({ name: 'Second', email: 'second@example.com', routingOrder: 2 })] },
				options: {
					advancedJson: JSON.stringify({
						recipients: { signers: [{ accessCode: '1234' }] },
						notification: { useAccountDefaults: 'false', expirations: { expireEnabled: 'true', expireAfter: '30' } },
						brandId: 'b1',
					}),
				},
			}),
			[pdfItem()],
		);

		expect(runError(result)).toBeUndefined();
		const { definition } = readMultipart(captured[0]);
		expectValidDefinition(definition);
		expect(definition.recipients).toEqual({
			signers: [
				{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: '1', recipientId: '1', accessCode: '1234' },
				{ name: 'Second', email: 'second@example.com', routingOrder: '2', recipientId: '2' },
			],
		});
		expect(definition.notification).toEqual({
			useAccountDefaults: 'false',
			expirations: { expireEnabled: 'true', expireAfter: '30' },
		});
		expect(definition.brandId).toBe('b1');
	});

	it('sends the same complete body again when DocuSign refuses the token and n8n refreshes it', async () => {
		nockUserinfo();
		const bodies: Buffer[] = [];
		const tokens: string[] = [];
		nock(BASE_URI)
			.post(`${REST_PATH}/envelopes`)
			.reply(function (_uri, body) {
				tokens.push(String(this.req.headers.authorization));
				bodies.push(Buffer.from(String(body), /^[0-9a-f]+$/.test(String(body)) ? 'hex' : 'utf8'));
				return [401, { errorCode: 'USER_AUTHENTICATION_FAILED', message: 'One or both of Username and Password are invalid.' }];
			})
			.post(`${REST_PATH}/envelopes`)
			.reply(function (_uri, body) {
				tokens.push(String(this.req.headers.authorization));
				bodies.push(Buffer.from(String(body), /^[0-9a-f]+$/.test(String(body)) ? 'hex' : 'utf8'));
				return [201, envelopeSummary(1)];
			});
		nock(AUTH)
			.post('/oauth/token')
			.reply(200, { access_token: 'fresh-token', refresh_token: 'refresh-2', token_type: 'Bearer', expires_in: 28800 });

		const result = await runDocuSign(baseParameters(), [pdfItem()]);

		expect(runError(result)).toBeUndefined();
		expect(tokens).toEqual(['Bearer good-token', 'Bearer fresh-token']);
		expect(bodies).toHaveLength(2);
		expect(bodies[1].equals(bodies[0])).toBe(true);
		const parts = readMultipart({ headers: { 'content-type': `multipart/form-data; boundary=${/--(\S+)\r\n/.exec(bodies[1].toString('latin1'))![1]}` }, bytes: bodies[1] });
		expect(parts.documentParts[0].data.equals(PDF)).toBe(true);
		expect(result.outputOf('DocuSign')[0].json.envelopeId).toBe(envelopeSummary(1).envelopeId);
	});

	it('after a 503, finds no envelope by its transactionId (drafts included) and sends the same complete multipart body once more', async () => {
		const realSleep = clock.sleep;
		clock.sleep = async () => undefined;
		try {
			nockUserinfo();
			const bodies: Buffer[] = [];
			const lookups: string[] = [];
			nock(BASE_URI)
				.post(`${REST_PATH}/envelopes`)
				.reply(function (_uri, body) {
					bodies.push(bodyBytes(body));
					return [503, 'Service Unavailable'];
				})
				.get(`${REST_PATH}/envelopes`)
				.query((query) => {
					lookups.push(String(query.transaction_ids));
					return String(query.status).split(',').includes('created');
				})
				.reply(200, { resultSetSize: '0', envelopes: [] })
				.post(`${REST_PATH}/envelopes`)
				.reply(function (_uri, body) {
					bodies.push(bodyBytes(body));
					return [201, envelopeSummary(1)];
				});

			const result = await runDocuSign(baseParameters(), [pdfItem()]);

			expect(runError(result)).toBeUndefined();
			expect(bodies).toHaveLength(2);
			expect(bodies[1].equals(bodies[0])).toBe(true);
			const boundary = /^--(\S+)\r\n/.exec(bodies[1].toString('latin1'))![1];
			const { definition, documentParts } = readMultipart({
				headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
				bytes: bodies[1],
			});
			expect(definition.customFields).toBeUndefined();
			expect(lookups).toEqual([definition.transactionId]);
			expect(documentParts[0].data.equals(PDF)).toBe(true);
			expect(result.outputOf('DocuSign')[0].json).toMatchObject({ ...envelopeSummary(1), alreadyExisted: false });
		} finally {
			clock.sleep = realSleep;
		}
	});

	it('with an Idempotency Key that an envelope already carries, returns that envelope and creates none', async () => {
		nockUserinfo();
		const lookups: string[] = [];
		nock(BASE_URI)
			.get(`${REST_PATH}/envelopes`)
			.query((query) => {
				lookups.push(String(query.custom_field));
				return true;
			})
			.reply(200, { resultSetSize: '1', envelopes: [{ envelopeId: 'existing-1', status: 'completed' }] });
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(9));

		const result = await runDocuSign(baseParameters({ options: { idempotencyKey: '={{ $json.customer }}-deal' } }), [pdfItem()]);

		expect(runError(result)).toBeUndefined();
		expect(lookups).toHaveLength(1);
		expect(lookups[0]).toMatch(/^n8nIdempotencyKey=k-[0-9a-f]{40}$/);
		expect(createScope.isDone()).toBe(false);
		expect(result.outputOf('DocuSign')[0].json).toMatchObject({ envelopeId: 'existing-1', status: 'completed', alreadyExisted: true });
	});

	it('turns a DocuSign error into a message with its code and a hint', async () => {
		nockUserinfo();
		nock(BASE_URI)
			.post(`${REST_PATH}/envelopes`)
			.reply(400, { errorCode: 'ANCHOR_TAB_STRING_NOT_FOUND', message: 'The specified Anchor Tab string was not found in the document.' });

		const result = await runDocuSign(baseParameters(), [pdfItem()]);

		expect(runError(result)?.message).toBe(
			'DocuSign could not create the envelope: ANCHOR_TAB_STRING_NOT_FOUND – The specified Anchor Tab string was not found in the document.',
		);
	});
});

describe('Envelope → Create refuses bad input before calling DocuSign', () => {
	const withTab = (tab: INodeParameters, kind = 'signHereTabs') => ({ signer: [signer({ tabs: { [kind]: [tab] } })] });

	const cases: Array<[string, INodeParameters, INodeExecutionData[], RegExp]> = [
		[
			'a missing binary field',
			{ documents: { document: [{ binaryPropertyName: 'contract' }] } },
			[pdfItem()],
			/^Item 1: Document 1: the input item has no binary field "contract"$/,
		],
		[
			'an item without binary data',
			{},
			[{ json: {} }],
			/^Item 1: Document 1: the input item has no binary field "data"$/,
		],
		['an empty file', {}, [pdfItem(Buffer.alloc(0))], /^Item 1: Document 1: the file in "Service Agreement.pdf" \(binary field "data"\) is empty$/],
		['no signer', { signers: {} }, [pdfItem()], /^Item 1: the envelope has no signer$/],
		[
			'a malformed e-mail',
			{ signers: { signer: [signer(), signer({ email: 'bob@@example' })] } },
			[pdfItem()],
			/^Item 1: Signer 2's e-mail "bob@@example" is not a valid e-mail address$/,
		],
		[
			'a malformed carbon copy e-mail',
			{ carbonCopies: { carbonCopy: [{ name: 'CC', email: 'cc at example.com', routingOrder: 1 }] } },
			[pdfItem()],
			/^Item 1: Carbon Copy 1's e-mail "cc at example.com" is not a valid e-mail address$/,
		],
		[
			'duplicate recipient IDs',
			{
				signers: { signer: [signer({ recipientId: '3' })] },
				carbonCopies: { carbonCopy: [{ name: 'CC', email: 'cc@example.com', routingOrder: 1, recipientId: '3' }] },
			},
			[pdfItem()],
			/^Item 1: recipient ID 3 is used twice, by Signer 1 and Carbon Copy 1$/,
		],
		[
			'an anchor tab without anchor text',
			{ signers: withTab({ placement: 'anchor', anchorString: '  ' }) },
			[pdfItem()],
			/^Item 1: Signer 1 → Sign Here field 1 is placed by anchor text but has no anchor text$/,
		],
		[
			'a negative routing order',
			{ signers: { signer: [signer({ routingOrder: -1 })] } },
			[pdfItem()],
			/^Item 1: Signer 1's routing order is -1; it must be a whole number of at least 1$/,
		],
		[
			'a tab on a document that does not exist',
			{ signers: withTab({ placement: 'position', documentNumber: 2, pageNumber: 1, xPosition: 1, yPosition: 1 }, 'textTabs') },
			[pdfItem()],
			/^Item 1: Signer 1 → Text field 1's document number is 2; it must be a whole number from 1 to 1$/,
		],
		[
			'Advanced (JSON) that is not JSON',
			{ options: { advancedJson: '{"brandId": ' } },
			[pdfItem()],
			/^Item 1: Options → Advanced \(JSON\) is not valid JSON/,
		],
		[
			'Advanced (JSON) that duplicates a recipient ID',
			{ options: { advancedJson: '{"recipients": {"carbonCopies": [{"name": "X", "email": "x@example.com", "recipientId": "1"}]}}' } },
			[pdfItem()],
			/^Item 1: recipient ID 1 is used twice, by recipients\.signers\[0\] and recipients\.carbonCopies\[0\]/,
		],
		[
			'a status notification without a URL',
			{ options: { statusNotification: { webhook: { url: '', events: ['envelope-completed'] } } } },
			[pdfItem()],
			/^Item 1: Options → Status Notifications has no URL$/,
		],
		[
			'an empty e-mail subject',
			{ emailSubject: ' ' },
			[pdfItem()],
			/^Item 1: the envelope has no e-mail subject$/,
		],
	];

	it.each(cases)('%s', async (_name, overrides, items, message) => {
		const userinfoScope = nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1));

		const result = await runDocuSign(baseParameters(overrides), items);

		const error = runError(result);
		expect(error?.message).toMatch(message);
		expect(error?.description).toBeTruthy();
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
		expect(userinfoScope.isDone()).toBe(false);
		expect(createScope.isDone()).toBe(false);
	});

	it('lists the binary fields the item does have', async () => {
		const result = await runDocuSign(baseParameters({ documents: { document: [{ binaryPropertyName: 'pdf' }] } }), [pdfItem()]);
		expect(runError(result)?.description).toBe(
			'The item\'s binary fields are: "data", "terms". Enter one of these in Input Binary Field.',
		);
	});

	it('with Continue On Fail, a bad item gets an error item and the good one its envelope', async () => {
		nockUserinfo();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(
			baseParameters({ signers: { signer: [signer({ email: '={{ $json.email }}' })] } }),
			[
				{ ...pdfItem(), json: { email: 'not-an-email' } },
				{ ...pdfItem(), json: { email: 'ok@example.com' } },
			],
			{ node: { continueOnFail: true } },
		);

		expect(runError(result)).toBeUndefined();
		expect(captured).toHaveLength(1);
		expect(readMultipart(captured[0]).definition).toMatchObject({ recipients: { signers: [{ email: 'ok@example.com' }] } });
		const output = result.outputOf('DocuSign');
		expect(output[0]).toEqual({
			json: {
				error: 'Item 1: Signer 1\'s e-mail "not-an-email" is not a valid e-mail address',
				description: 'Use an address such as jane.doe@example.com. Check the expression that fills the field, if any.',
			},
			pairedItem: { item: 0 },
		});
		expect(output[1].json.envelopeId).toBe(envelopeSummary(1).envelopeId);
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('keeps secrets out of errors', async () => {
		nockUserinfo();
		nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(400, { errorCode: 'UNSPECIFIED_ERROR', message: 'boom' });
		const result = await runDocuSign(baseParameters(), [pdfItem()], { credential: oauthCredential('secret-access-token') });
		const serialized = JSON.stringify(result.run.data.resultData);
		expect(runError(result)?.message).toContain('UNSPECIFIED_ERROR');
		expect(serialized).not.toContain('secret-access-token');
		expect(serialized).not.toContain('ik-secret');
		expect(serialized).not.toContain(PDF.subarray(100, 130).toString('base64'));
	});
});
