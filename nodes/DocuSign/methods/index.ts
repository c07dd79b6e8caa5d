import { searchAccounts } from './listSearch/searchAccounts';
import { searchBulkSendBatches } from './listSearch/searchBulkSendBatches';
import { searchEnvelopes } from './listSearch/searchEnvelopes';
import { searchTemplates } from './listSearch/searchTemplates';
import { getEmbeddedSigners } from './loadOptions/getEmbeddedSigners';
import { getEnvelopeCustomFields } from './loadOptions/getEnvelopeCustomFields';
import { getEnvelopeContentDocuments, getEnvelopeDocuments } from './loadOptions/getEnvelopeDocuments';
import { getEnvelopeRecipients } from './loadOptions/getEnvelopeRecipients';
import { getTemplateFolders } from './loadOptions/getTemplateFolders';
import { getTemplateRoles } from './loadOptions/getTemplateRoles';

export const listSearch = { searchAccounts, searchBulkSendBatches, searchEnvelopes, searchTemplates };

export const loadOptions = {
	getEmbeddedSigners,
	getEnvelopeContentDocuments,
	getEnvelopeCustomFields,
	getEnvelopeDocuments,
	getEnvelopeRecipients,
	getTemplateFolders,
	getTemplateRoles,
};
