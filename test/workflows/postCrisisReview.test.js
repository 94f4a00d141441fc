require('./sampleTemplateSuite').describeSampleTemplate('post-crisis-review', { what: 'review, proposal and new row', nodes: ['Close incident', 'Approval request', 'New version row'] });
