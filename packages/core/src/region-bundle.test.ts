import { describe, expect, it } from 'vitest';
import { NORDTHUERINGEN } from './examples/nordthueringen';
import { checkRegionBundle, type RegionBundle } from './region-bundle';

type Mutation = (b: RegionBundle) => void;

describe('checkRegionBundle', () => {
  it.each<[string, Mutation, string, string]>([
    [
      'a record of another region',
      (b) => {
        b.events[0]!.regionId = 'kielregion' as never;
      },
      'events[0].regionId',
      'expected "nordthueringen", got "kielregion"',
    ],
    [
      'a duplicate id',
      (b) => {
        b.events[1]!.id = b.events[0]!.id;
      },
      'events[1].id',
      'expected a unique id, got "handwerkertag-2024" twice',
    ],
    [
      'a decision of an unknown body',
      (b) => {
        b.decisions[0]!.bodyId = 'rat' as never;
      },
      'decisions[0].bodyId',
      'expected the id of a body of the region, got "rat"',
    ],
    [
      'a decision about an unknown project',
      (b) => {
        b.decisions[0]!.projectIds = ['x' as never];
      },
      'decisions[0].projectIds[0]',
      'expected the id of a project of the region, got "x"',
    ],
    [
      'a project outside the region',
      (b) => {
        b.projects[0]!.areaCovered = ['16067' as never];
      },
      'projects[0].areaCovered[0]',
      'expected the key of a member of Regionalmanagement Nordthüringen (16062, 16064, 16065), got "16067"',
    ],
    [
      'a project with an unknown field',
      (b) => {
        b.projects[0]!.fieldOfActionIds = ['x' as never];
      },
      'projects[0].fieldOfActionIds[0]',
      'expected a field of action of strategy "rwek-nordthueringen", got "x"',
    ],
    [
      'a project with an unknown topic',
      (b) => {
        b.projects[0]!.topics = ['x' as never];
      },
      'projects[0].topics[0]',
      'expected the id of a topic of the region, got "x"',
    ],
    [
      'a grant for an unknown project',
      (b) => {
        b.grants[0]!.beneficiary = { kind: 'project', projectId: 'x' as never };
      },
      'grants[0].beneficiary.projectId',
      'expected the id of a project of the region, got "x"',
    ],
    [
      'a key weight for a non-member',
      (b) => {
        b.grants[0]!.ownShareKey = { kind: 'weights', weights: [{ officialKey: '16067', weight: 1 }] };
      },
      'grants[0].ownShareKey.weights[0].officialKey',
      'expected the key of a member, got "16067"',
    ],
    [
      'an event of an unknown project',
      (b) => {
        b.events[0]!.projectId = 'x' as never;
      },
      'events[0].projectId',
      'expected the id of a project of the region, got "x"',
    ],
    [
      'an article of an unknown project',
      (b) => {
        b.articles[0]!.projectIds = ['x' as never];
      },
      'articles[0].projectIds[0]',
      'expected the id of a project of the region, got "x"',
    ],
    [
      'a list with an unknown topic',
      (b) => {
        b.lists[0]!.topics = ['x' as never];
      },
      'lists[0].topics[0]',
      'expected the id of a topic of the region, got "x"',
    ],
    [
      'a newsletter item naming an unknown event',
      (b) => {
        const item = b.newsletterIssues[0]?.sections[3]?.items[0];
        if (item?.kind === 'event') item.eventId = 'x' as never;
      },
      'newsletterIssues[0].sections[3].items[0].eventId',
      'expected the id of an event of the region, got "x"',
    ],
    [
      'a press release with an unknown topic',
      (b) => {
        b.pressReleases[0]!.topics = ['x' as never];
      },
      'pressReleases[0].topics[0]',
      'expected the id of a topic of the region, got "x"',
    ],
  ])('finds %s', (_name, mutate, path, message) => {
    const bundle = structuredClone(NORDTHUERINGEN);
    mutate(bundle);
    expect(checkRegionBundle(bundle)).toEqual([{ path, message }]);
  });

  it('finds a workshop of an unknown strategy and field', () => {
    const bundle = structuredClone(NORDTHUERINGEN);
    bundle.workshops.push({
      id: 'ws' as never,
      regionId: bundle.region.id,
      title: 'Workshop',
      date: '2024-01-01',
      guidingQuestion: 'Wie?',
      objective: 'Ziel.',
      measures: [
        {
          title: 'M',
          description: 'D',
          whatMustHappen: [],
          whoMustBeInvolved: [],
          resources: [],
          nextSteps: [],
          openQuestions: [],
        },
      ],
      expectedResults: [],
      inputSpeakers: [],
      moderation: [],
      strategyId: 'x' as never,
      fieldOfActionIds: ['y' as never],
      eventId: 'z' as never,
    });
    expect(checkRegionBundle(bundle).map((e) => e.path)).toEqual([
      'workshops[0].eventId',
      'workshops[0].strategyId',
      'workshops[0].fieldOfActionIds[0]',
    ]);
  });
});
