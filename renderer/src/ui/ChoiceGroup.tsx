import { type ReactNode, useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  value: T | null;
  choices: Choice<T>[];
  onChange(value: T): void;
  hint?: ReactNode;
  /** Adds a modifier class per option (e.g. to mark LIVE). */
  optionClass?(value: T): string;
  /** Smaller, inline options (paper width). */
  compact?: boolean;
  className?: string;
}

/** A fieldset of radios: the legend names the group, each radio is named by its label and described. */
export function ChoiceGroup<T extends string>({ legend, value, choices, onChange, hint, optionClass, compact, className }: ChoiceGroupProps<T>) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className={[className, 'choice', compact ? 'choice--compact' : null].filter(Boolean).join(' ')} aria-describedby={hint ? hintId : undefined}>
      <legend className="choice__legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="choice__hint">
          {hint}
        </p>
      )}
      <div className="choice__options">
        {choices.map((choice) => {
          const labelId = `${name}-${choice.value}-label`;
          const descriptionId = `${name}-${choice.value}-description`;
          return (
            <label key={choice.value} className={`choice__option ${optionClass?.(choice.value) ?? ''}`.trim()}>
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                aria-labelledby={labelId}
                aria-describedby={choice.description ? descriptionId : undefined}
                onChange={() => onChange(choice.value)}
              />
              <span className="choice__text">
                <span id={labelId} className="choice__label">
                  {choice.label}
                </span>
                {choice.description && (
                  <span id={descriptionId} className="choice__description">
                    {choice.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
