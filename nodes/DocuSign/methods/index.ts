import { searchBulkSendBatches } from './listSearch/searchBulkSendBatches';
import { searchClickwraps } from './listSearch/searchClickwraps';
import { searchEnvelopes } from './listSearch/searchEnvelopes';
import { searchMaestroWorkflows } from './listSearch/searchMaestroWorkflows';
import { searchTemplates } from './listSearch/searchTemplates';
import { searchWebForms } from './listSearch/searchWebForms';
import { getEmbeddedSigners } from './loadOptions/getEmbeddedSigners';
import { getEnvelopeDocuments } from './loadOptions/getEnvelopeDocuments';
import { getEnvelopeRecipients } from './loadOptions/getEnvelopeRecipients';
import { getTemplateRoles } from './loadOptions/getTemplateRoles';
import { getWebFormFields } from './loadOptions/getWebFormFields';
import { getMaestroTriggerInputs } from './resourceMapping/getMaestroTriggerInputs';

export const listSearch = { searchBulkSendBatches, searchEnvelopes, searchTemplates, searchWebForms, searchMaestroWorkflows, searchClickwraps };

export const loadOptions = { getEmbeddedSigners, getEnvelopeDocuments, getEnvelopeRecipients, getTemplateRoles, getWebFormFields };

export const resourceMapping = { getMaestroTriggerInputs };
