import type { ConversationPriority } from '../api/types';

/** Every priority, lowest first: the order the server's enum has and every picker shows. */
export const priorities: ConversationPriority[] = ['none', 'low', 'medium', 'high', 'urgent'];

/** The `<option>`s of a priority picker. */
export function PriorityOptions() {
  return (
    <>
      {priorities.map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </>
  );
}
