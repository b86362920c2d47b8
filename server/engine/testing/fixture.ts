import type { Scenario } from '../scenario';

/**
 * A small made-up crisis for engine tests: two sides (north and south), all four role kinds,
 * a precondition, two issues, three phases. Real scenarios live in server/scenarios/.
 */
export const testScenario: Scenario = {
  id: 'test-crisis',
  title: 'The Test Crisis',
  period: '2000',
  summary: 'Two neighbours argue over a border.',
  publicBackground: 'North and South dispute a border crossing.',
  sides: [
    { id: 'north', name: 'North', initialSupport: 60 },
    { id: 'south', name: 'South', initialSupport: 55 },
  ],
  roles: [
    role('n-leader', 'North Leader', 'leader', 'north', 1, 1, 0),
    role('s-leader', 'South Leader', 'leader', 'south', 1, 1, 0),
    role('n-envoy', 'North Envoy', 'envoy', 'north', 1, 2, 1),
    role('s-envoy', 'South Envoy', 'envoy', 'south', 1, 2, 1),
    role('journalist', 'Reporter', 'journalist', null, 0, 2, 2),
    role('n-spoiler', 'North Hawk', 'spoiler', 'north', 0, 1, 3),
    role('s-spoiler', 'South Hawk', 'spoiler', 'south', 0, 1, 3),
  ],
  issues: [
    {
      id: 'border', title: 'The border', description: 'Whether the crossing opens.',
      options: [
        { id: 'open', label: 'Open the crossing', publicReaction: { north: -5, south: 5 } },
        { id: 'closed', label: 'Keep it closed', publicReaction: { north: 5, south: -5 } },
      ],
    },
    {
      id: 'prisoners', title: 'Prisoners', description: 'Whether prisoners are released.',
      options: [
        { id: 'release', label: 'Release them', publicReaction: { north: 3, south: 3 } },
        { id: 'keep', label: 'Keep them', publicReaction: { north: -2, south: -2 } },
      ],
    },
  ],
  phases: [
    { id: 'briefing', kind: 'briefing', title: 'Briefing', durationSec: 60, openChannels: ['team'], escalationIfNoDeal: 0 },
    { id: 'round-1', kind: 'negotiation', title: 'Round 1', durationSec: 120, openChannels: ['front', 'team', 'back', 'press'], escalationIfNoDeal: 1 },
    { id: 'round-2', kind: 'negotiation', title: 'Round 2', durationSec: 120, openChannels: ['front', 'team', 'back', 'press'], escalationIfNoDeal: 2 },
  ],
  precondition: { description: 'South must release the border guards first.', side: 'south', supportCost: 5 },
  leak: {
    baseRate: 0.05, perExtraMember: 0.5, perTenMessages: 0.5, perRoundOpen: 0.5, investigationBoost: 1, surveillanceBoost: 1,
    maxRisk: 0.6, spoilerTipChance: 0.5, quoteChance: 0.5, secretTermRate: 0.3, exposureBacklash: 8, originExposedBacklash: 10,
    mobilisationImpact: 4, rumourImpact: 2,
  },
  injects: [
    { id: 'storm', title: 'Storm at the border', body: 'A storm closes the crossing.', kind: 'news', audience: 'all', atPhase: 'round-1' },
    { id: 'intel', title: 'Northern intelligence', body: 'South is bluffing.', kind: 'intelligence', audience: 'north', escalation: 1 },
  ],
  escalation: [
    { level: 0, title: 'Calm', description: 'Nothing happens.' },
    { level: 1, title: 'Tension', description: 'Troops move.' },
    { level: 2, title: 'Standoff', description: 'Shots fired.' },
    { level: 3, title: 'War', description: 'The crisis boils over.' },
  ],
  debriefQuestions: ['Why did the back channel help?'],
  whatReallyHappened: 'Nothing; this crisis is made up.',
};

function role(id: string, title: string, kind: Scenario['roles'][number]['kind'], side: string | null, min: number, max: number, priority: number): Scenario['roles'][number] {
  return {
    id, title, kind, side, min, max, priority,
    brief: { objectives: `Play the ${title}.`, privateFacts: [`${title} secret fact`], limits: [`${title} limit`] },
    objectives: kind === 'journalist'
      ? [{ id: 'scoop', description: 'Publish an accurate story', points: 10, when: { type: 'accurateStories', min: 1 } }]
      : kind === 'spoiler'
        ? [{ id: 'derail', description: 'No deal', points: 10, when: { type: 'noDeal' } }]
        : [
            { id: 'deal', description: 'A deal announced', points: 10, when: { type: 'dealAnnounced' } },
            { id: 'support', description: 'Keep support at 50', points: 5, when: { type: 'supportAtLeast', value: 50 } },
          ],
  };
}
