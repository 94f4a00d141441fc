require('./sampleTemplateSuite').describeSampleTemplate('customers-at-risk', { what: 'tasks, notes and counts', nodes: ['Customer actions', 'Not in the CRM', 'Summary'] });
