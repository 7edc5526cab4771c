interface Choice {
  id: string;
  label: string;
}

interface Props {
  legend: string;
  choices: Choice[];
  selected: string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
  testId?: string;
}

/** A group of checkboxes for picking teams or channels. */
export function ChoiceList({ legend, choices, selected, onChange, disabled, testId }: Props) {
  function toggle(id: string, on: boolean) {
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  }

  return (
    <fieldset className="choices" data-testid={testId} disabled={disabled}>
      <legend>{legend}</legend>
      {choices.length === 0 && <span className="muted">None yet</span>}
      {choices.map((choice) => (
        <label key={choice.id} className="choices__item">
          <input type="checkbox" checked={selected.includes(choice.id)} onChange={(e) => toggle(choice.id, e.target.checked)} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
