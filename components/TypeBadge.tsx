import type { EntityType } from '../lib/entities/types';

const LABEL: Record<EntityType, string> = { person: 'Person', place: 'Place', organization: 'Organization', group: 'Group', event: 'Event' };

/** The entity's type, with the same colour and line style as its marks on pages. */
export function TypeBadge({ type }: { type: EntityType }) {
  return <span className={`type-badge type-${type}`}>{LABEL[type]}</span>;
}

export const TYPE_ORDER: EntityType[] = ['person', 'place', 'organization', 'group', 'event'];
export const TYPE_PLURAL: Record<EntityType, string> = { person: 'People', place: 'Places', organization: 'Organizations', group: 'Groups', event: 'Events' };
