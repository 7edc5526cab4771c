import type { ConversationPriority, RoutingRule } from '../api/types';

/** A rule as the editor holds it: lists as the text the admin types ("refund, chargeback"). */
export interface RuleDraft {
  /** Keeps React's rows stable while rules move. */
  key: string;
  ruleId: string;
  name: string;
  channels: string[];
  teams: string[];
  languages: string;
  keywords: string;
  /** "plan=enterprise, tier=gold" */
  attributes: string;
  minPriority: ConversationPriority | '';
  teamId: string;
  agentId: string;
  priority: ConversationPriority | '';
}

const words = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

const orNull = <T>(list: T[]) => (list.length > 0 ? list : null);

let counter = 0;
const newKey = () => `r${++counter}`;

/** A rule id made from its name, unique among `taken`. */
export function ruleIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'rule';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

export function toDraft(rule: RoutingRule): RuleDraft {
  return {
    key: newKey(),
    ruleId: rule.ruleId,
    name: rule.name,
    channels: rule.when.channels ?? [],
    teams: rule.when.teams ?? [],
    languages: (rule.when.languages ?? []).join(', '),
    keywords: (rule.when.keywords ?? []).join(', '),
    attributes: Object.entries(rule.when.contactAttributes ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
    minPriority: rule.when.minPriority ?? '',
    teamId: rule.then.teamId ?? '',
    agentId: rule.then.agentId ?? '',
    priority: rule.then.priority ?? '',
  };
}

export function emptyDraft(): RuleDraft {
  return {
    key: newKey(),
    ruleId: '',
    name: '',
    channels: [],
    teams: [],
    languages: '',
    keywords: '',
    attributes: '',
    minPriority: '',
    teamId: '',
    agentId: '',
    priority: '',
  };
}

/** The rule to send; the server checks it (and says which rule and what is wrong). */
export function toRule(draft: RuleDraft): RoutingRule {
  const attributes: Record<string, string> = {};
  for (const pair of words(draft.attributes)) {
    const at = pair.indexOf('=');
    if (at < 0) attributes[pair] = '';
    else attributes[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return {
    ruleId: draft.ruleId,
    name: draft.name.trim(),
    when: {
      channels: orNull(draft.channels),
      teams: orNull(draft.teams),
      languages: orNull(words(draft.languages)),
      keywords: orNull(words(draft.keywords)),
      contactAttributes: Object.keys(attributes).length > 0 ? attributes : null,
      minPriority: draft.minPriority || null,
    },
    then: {
      teamId: draft.teamId || null,
      agentId: draft.agentId || null,
      priority: draft.priority || null,
    },
  };
}
