/** The snooze presets, as local times: a support team thinks in "tomorrow morning", not in UTC. */
export interface SnoozePreset {
  label: string;
  until: (now: Date) => Date;
}

const atNine = (date: Date) => {
  date.setHours(9, 0, 0, 0);
  return date;
};

export const snoozePresets: SnoozePreset[] = [
  { label: '1 hour', until: (now) => new Date(now.getTime() + 60 * 60 * 1000) },
  {
    label: 'Tomorrow 09:00',
    until: (now) => {
      const date = new Date(now);
      date.setDate(date.getDate() + 1);
      return atNine(date);
    },
  },
  {
    label: 'Next Monday 09:00',
    until: (now) => {
      const date = new Date(now);
      // Monday is day 1; on a Monday, the next one is a week away.
      date.setDate(date.getDate() + ((8 - date.getDay()) % 7 || 7));
      return atNine(date);
    },
  },
];

/** A `datetime-local` input's value (local time, minutes) for a date. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
