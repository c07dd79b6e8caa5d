import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { readTemplateId } from '../../template/templateLocator';
import { fetchTemplateOnce } from '../../template/templateRoles';
import { buildRecipients } from '../shared/definition';
import { collectDocuments, documentDefinitions, type DocumentUpload } from '../shared/documents';
import { completeDefinition, readEmailSubject, readEnvelopeOptions, type EnvelopeOptions } from '../shared/options';
import { buildTemplateRoles, readRoleInputs } from '../shared/templateRoles';
import type { Source } from './description';

/** An envelope definition to send, built by the create operations' builders, without its eventNotification yet. */
export interface PreparedEnvelope {
	definition: IDataObject;
	idempotencyKey: string;
	documents?: DocumentUpload[];
	action: string;
	templateName?: string;
}

/**
 * Options are read and checked before anything is fetched or created: the wait owns the
 * envelope's eventNotification and needs it sent.
 */
function readOptionsForWait(context: IExecuteFunctions, itemIndex: number): EnvelopeOptions {
	const options = readEnvelopeOptions(context, itemIndex);
	if (options.fields.eventNotification !== undefined || options.advanced.eventNotification !== undefined) {
		throw inputError(
			context,
			itemIndex,
			'Send and Wait for Completion sets the envelope\'s status notification (eventNotification) itself',
			'It points DocuSign at this execution\'s resume URL. Remove eventNotification from Options → Advanced (JSON); to send events elsewhere too, use an account-level Connect configuration (DocuSign Trigger).',
		);
	}
	if (options.advanced.status !== undefined && options.advanced.status !== 'sent') {
		throw inputError(
			context,
			itemIndex,
			`Options → Advanced (JSON) sets the status "${String(options.advanced.status).slice(0, 20)}", but Send and Wait for Completion must send the envelope`,
			'Remove "status" from Advanced (JSON). To prepare a draft, use Create with Save as Draft instead.',
		);
	}
	return options;
}

async function fromDocuments(this: IExecuteFunctions, itemIndex: number): Promise<PreparedEnvelope> {
	const emailSubject = readEmailSubject(this, itemIndex, true);
	const options = readOptionsForWait(this, itemIndex);
	const documents = await collectDocuments.call(this, itemIndex);
	const { recipients } = buildRecipients(this, itemIndex, documents.length);
	const definition = completeDefinition(
		this,
		itemIndex,
		{ emailSubject, status: 'sent', documents: documentDefinitions(documents), recipients },
		options,
	);
	return { definition, idempotencyKey: options.idempotencyKey, documents, action: 'create and send the envelope' };
}

async function fromTemplate(this: IExecuteFunctions, itemIndex: number): Promise<PreparedEnvelope> {
	const templateId = readTemplateId.call(this, itemIndex);
	const roleInputs = readRoleInputs(this, itemIndex);
	const emailSubject = readEmailSubject(this, itemIndex, false);
	const options = readOptionsForWait(this, itemIndex);
	const template = await fetchTemplateOnce.call(this, templateId, itemIndex);
	const templateRoles = buildTemplateRoles(this, itemIndex, template, roleInputs);
	const definition = completeDefinition(
		this,
		itemIndex,
		{
			templateId,
			status: 'sent',
			...(emailSubject ? { emailSubject } : {}),
			...(templateRoles.length ? { templateRoles } : {}),
		},
		options,
	);
	return {
		definition,
		idempotencyKey: options.idempotencyKey,
		action: `create and send the envelope from template ${templateId}`,
		templateName: template.name,
	};
}

export async function prepareEnvelope(this: IExecuteFunctions, source: Source, itemIndex: number): Promise<PreparedEnvelope> {
	return source === 'template' ? await fromTemplate.call(this, itemIndex) : await fromDocuments.call(this, itemIndex);
}
