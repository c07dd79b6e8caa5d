import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveAccount } from '../../transport';
import { readTemplateId, templateLocator } from '../template/templateLocator';
import { fetchTemplateOnce } from '../template/templateRoles';
import { createEnvelope } from './shared/createEnvelope';
import { emailSubjectField, envelopeOptions, statusField } from './shared/envelope.description';
import { requireHttpsStatusNotification } from '../../helpers/httpsListener';
import { completeDefinition, readEmailSubject, readEnvelopeOptions, readStatus } from './shared/options';
import { templateRolesCollection } from './shared/recipients.description';
import { buildTemplateRoles, readRoleInputs } from './shared/templateRoles';

const properties: INodeProperties[] = [
	{
		...templateLocator,
		description:
			'The server template to create the envelope from: its documents, fields and roles. Its roles are checked before anything is created.',
	},
	templateRolesCollection,
	emailSubjectField(false),
	statusField,
	envelopeOptions,
];

const displayOptions = { show: { resource: ['envelope'], operation: ['createFromTemplate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateId = readTemplateId.call(this, itemIndex);
	const roleInputs = readRoleInputs(this, itemIndex);
	const emailSubject = readEmailSubject(this, itemIndex, false);
	const status = readStatus(this, itemIndex);
	const options = readEnvelopeOptions(this, itemIndex);
	await requireHttpsStatusNotification(this, itemIndex, options);

	const template = await fetchTemplateOnce.call(this, templateId, itemIndex);
	const templateRoles = buildTemplateRoles(this, itemIndex, template, roleInputs);
	const definition = completeDefinition(
		this,
		itemIndex,
		{
			templateId,
			status,
			...(emailSubject ? { emailSubject } : {}),
			...(templateRoles.length ? { templateRoles } : {}),
		},
		options,
	);

	const account = await resolveAccount.call(this, itemIndex);
	const { envelope, alreadyExisted } = await createEnvelope.call(this, {
		itemIndex,
		account,
		definition,
		idempotencyKey: options.idempotencyKey,
		action: `create the envelope from template ${templateId}`,
	});

	return [
		{
			json: {
				...envelope,
				alreadyExisted,
				accountId: account.accountId,
				templateId,
				templateName: template.name,
				...(typeof definition.emailSubject === 'string' ? { emailSubject: definition.emailSubject } : {}),
				roles: templateRoles.map(({ roleName, name, email, routingOrder, clientUserId, accessCode }) => ({
					roleName,
					name,
					email,
					...(routingOrder !== undefined ? { routingOrder: Number(routingOrder) } : {}),
					...(clientUserId !== undefined ? { clientUserId } : {}),
					// The method only: the code itself never goes into the output.
					...(accessCode !== undefined ? { authentication: 'accessCode' } : {}),
				})),
			},
		},
	];
}
