import { searchAccounts } from './listSearch/searchAccounts';
import { searchBulkSendBatches } from './listSearch/searchBulkSendBatches';
import { searchClickwraps } from './listSearch/searchClickwraps';
import { searchEnvelopes } from './listSearch/searchEnvelopes';
import { searchMaestroWorkflows } from './listSearch/searchMaestroWorkflows';
import { searchTemplates } from './listSearch/searchTemplates';
import { searchWebForms } from './listSearch/searchWebForms';
import { getBrands } from './loadOptions/getBrands';
import { getEmbeddedSigners } from './loadOptions/getEmbeddedSigners';
import { getEnvelopeCustomFields } from './loadOptions/getEnvelopeCustomFields';
import { getEnvelopeContentDocuments, getEnvelopeDocuments } from './loadOptions/getEnvelopeDocuments';
import { getEnvelopeRecipients } from './loadOptions/getEnvelopeRecipients';
import { getTemplateFolders } from './loadOptions/getTemplateFolders';
import { getIdentityVerificationWorkflows } from './loadOptions/getIdentityVerificationWorkflows';
import { getSigningGroups } from './loadOptions/getSigningGroups';
import { getTemplateRoles } from './loadOptions/getTemplateRoles';
import { getWebFormFields } from './loadOptions/getWebFormFields';
import { getMaestroTriggerInputs } from './resourceMapping/getMaestroTriggerInputs';

export const listSearch = {
	searchAccounts,
	searchBulkSendBatches,
	searchClickwraps,
	searchEnvelopes,
	searchMaestroWorkflows,
	searchTemplates,
	searchWebForms,
};

export const loadOptions = {
	getBrands,
	getEmbeddedSigners,
	getEnvelopeContentDocuments,
	getEnvelopeCustomFields,
	getEnvelopeDocuments,
	getEnvelopeRecipients,
	getIdentityVerificationWorkflows,
	getSigningGroups,
	getTemplateFolders,
	getTemplateRoles,
	getWebFormFields,
};

export const resourceMapping = { getMaestroTriggerInputs };
