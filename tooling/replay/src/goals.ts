/**
 * Session goals a facilitator might set for each ESConv problem type. Only the topic label is
 * used, never what the seeker wrote, so no conversation text reaches the goals.
 */
const GOALS_BY_PROBLEM: Record<string, string[]> = {
  'ongoing depression': ['Talk through low mood', 'Find one small activity to try this week'],
  'breakup with partner': ['Process the end of the relationship', 'Rebuild daily routines'],
  'job crisis': ['Reduce stress about work', 'Plan concrete next steps for the job situation'],
  'problems with friends': [
    'Understand the conflict with friends',
    'Practise saying what is needed',
  ],
  'academic pressure': ['Manage study pressure', 'Make a realistic study plan'],
  'conflict with parents': ['Understand the conflict with parents', 'Prepare a calm conversation'],
}

export function goalsFor(problemType: string): string[] {
  return GOALS_BY_PROBLEM[problemType] ?? [`Talk through ${problemType}`.slice(0, 500)]
}
