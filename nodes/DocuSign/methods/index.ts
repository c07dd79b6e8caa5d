import { searchAccounts } from './listSearch/searchAccounts';
import { searchBulkSendBatches } from './listSearch/searchBulkSendBatches';
import { searchEnvelopes } from './listSearch/searchEnvelopes';
import { searchTemplates } from './listSearch/searchTemplates';
import { getEmbeddedSigners } from './loadOptions/getEmbeddedSigners';
import { getEnvelopeDocuments } from './loadOptions/getEnvelopeDocuments';
import { getEnvelopeRecipients } from './loadOptions/getEnvelopeRecipients';
import { getTemplateRoles } from './loadOptions/getTemplateRoles';

export const listSearch = { searchAccounts, searchBulkSendBatches, searchEnvelopes, searchTemplates };

export const loadOptions = { getEmbeddedSigners, getEnvelopeDocuments, getEnvelopeRecipients, getTemplateRoles };
