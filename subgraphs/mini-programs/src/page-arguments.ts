/** What every connection's `first` and `after` arguments say: the rule `pageRequest` enforces. */
export const PAGE_ARGUMENT_DESCRIPTIONS = {
  first: 'How many items to return: 0 to 100, default 20 (BAD_USER_INPUT otherwise).',
  after:
    "Continue after this cursor (an edge's `cursor` or `pageInfo.endCursor` of this same list); null starts at the beginning. " +
    'BAD_USER_INPUT for a cursor this list did not produce.',
} as const;
