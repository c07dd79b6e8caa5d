import { searchBulkSendBatches } from './listSearch/searchBulkSendBatches';
import { searchEnvelopes } from './listSearch/searchEnvelopes';
import { searchTemplates } from './listSearch/searchTemplates';
import { getBrands } from './loadOptions/getBrands';
import { getEmbeddedSigners } from './loadOptions/getEmbeddedSigners';
import { getEnvelopeDocuments } from './loadOptions/getEnvelopeDocuments';
import { getEnvelopeRecipients } from './loadOptions/getEnvelopeRecipients';
import { getIdentityVerificationWorkflows } from './loadOptions/getIdentityVerificationWorkflows';
import { getSigningGroups } from './loadOptions/getSigningGroups';
import { getTemplateRoles } from './loadOptions/getTemplateRoles';

export const listSearch = { searchBulkSendBatches, searchEnvelopes, searchTemplates };

export const loadOptions = {
	getBrands,
	getEmbeddedSigners,
	getEnvelopeDocuments,
	getEnvelopeRecipients,
	getIdentityVerificationWorkflows,
	getSigningGroups,
	getTemplateRoles,
};
