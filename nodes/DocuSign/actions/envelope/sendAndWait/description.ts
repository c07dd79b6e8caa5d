import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import * as create from '../create.operation';
import * as createFromTemplate from '../createFromTemplate.operation';

export type Source = 'documents' | 'template';

/** Fields of Create that Send and Wait leaves out: it always sends, and it sets its own status notification. */
const NOT_FOR_SEND_AND_WAIT = new Set(['status']);
const OWN_OPTION = 'statusNotification';

function withoutOwnNotification(property: INodeProperties): INodeProperties {
	if (property.name !== 'options' || property.type !== 'collection' || !Array.isArray(property.options)) return property;
	return {
		...property,
		options: (property.options as INodeProperties[]).filter((option) => option.name !== OWN_OPTION),
	};
}

/**
 * The fields of Create (documents) or Create From Template (template), shown for Send and Wait
 * with that source: the same properties, so the same builders read them.
 */
export function createFieldsFor(source: Source): INodeProperties[] {
	const fields = source === 'documents' ? create.description : createFromTemplate.description;
	return fields
		.filter((property) => !NOT_FOR_SEND_AND_WAIT.has(property.name))
		.map((property) => {
			const own = withoutOwnNotification(property);
			return {
				...own,
				displayOptions: {
					...own.displayOptions,
					show: {
						...own.displayOptions?.show,
						resource: ['envelope'],
						operation: [SEND_AND_WAIT_OPERATION],
						source: [source],
					},
				},
			};
		});
}

export const sourceField: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Documents',
			value: 'documents',
			description: 'Files of the input item, with signers and fields placed by the node (as Create)',
		},
		{
			name: 'Template',
			value: 'template',
			description: 'A DocuSign server template, filling its roles (as Create From Template)',
		},
	],
	default: 'documents',
	description: 'What the envelope is made from',
};

export const waitNotice: INodeProperties = {
	displayName:
		"The execution waits until DocuSign reports that the envelope was completed, declined or voided, at this execution's own resume URL (no polling). Choose a credential under \"Connect HMAC Key to Verify Resume Calls (Optional)\" above (one of the account's Connect HMAC keys) so that only events signed by DocuSign are accepted. n8n must be reachable from DocuSign (WEBHOOK_URL).",
	name: 'sendAndWaitNotice',
	type: 'notice',
	default: '',
};

const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 7, resumeUnit: 'days' } },
	description:
		'Continue with status "timeout" when DocuSign has reported no outcome by then. Without a limit the execution waits until the envelope is completed, declined or voided.',
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits at most this long' },
						{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until this date and time at most' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 7,
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					default: 'days',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					options: [
						{ name: 'Days', value: 'days' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Minutes', value: 'minutes' },
					],
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

export const waitOptions: INodeProperties = {
	displayName: 'Wait Options',
	name: 'waitOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Download Completed Documents',
			name: 'downloadDocuments',
			type: 'boolean',
			default: false,
			description:
				'Whether a completed envelope comes with its combined PDF (binary field "combined") and its certificate of completion (binary field "certificate"): two downloads after completion. Declined and voided envelopes have none.',
		},
		limitWaitTimeOption,
	],
};

/**
 * n8n's waiting webhook for this node: /webhook-waiting/{executionId}/{nodeId}. A restart
 * webhook is never registered on activation; it only answers for executions this node put to wait.
 */
export const webhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];
