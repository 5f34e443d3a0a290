// Event types of the analysis contract, for filters.
export const EVENT_TYPES = [
  'attack', 'bombing', 'armed-clash', 'assassination', 'abduction', 'arrest', 'plot-foiled', 'prison-break', 'meeting',
  'statement', 'threat', 'propaganda-release', 'recruitment-appeal', 'funding', 'smuggling', 'arms-transfer', 'cooperation',
  'facilitation', 'territorial-change', 'withdrawal', 'deployment', 'agreement', 'sanction', 'political', 'protest', 'other',
];
