import { type RefObject, useEffect, useRef } from 'react';

/**
 * Moves focus to the returned ref's element when `value` changes in a way `focusWhen` names (never on the
 * first render). For a view whose focused control just went away (a form that did its job, a button
 * replaced by the run it started): focus lands on a heading or status, not on <body> and not on a button
 * that a second Enter would press.
 */
export function useFocusOnChange<T, E extends HTMLElement = HTMLElement>(value: T, focusWhen: (previous: T, next: T) => boolean): RefObject<E | null> {
  const target = useRef<E>(null);
  const previous = useRef(value);
  useEffect(() => {
    const before = previous.current;
    previous.current = value;
    if (before !== value && focusWhen(before, value)) target.current?.focus();
  }, [value, focusWhen]);
  return target;
}
