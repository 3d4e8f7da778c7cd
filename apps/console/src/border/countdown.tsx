import { useEffect, useState } from 'react';
import { useStrings } from '../i18n/strings';
import { BORDER_STRINGS } from './border.strings';

/** "12:05" or "1:02:05": what is left until `deadline`, as a border officer reads it at a glance. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** The owner's confirmation deadline counting down, once a second; "overdue" once past. */
export function Countdown(props: { deadline: string }) {
  const t = useStrings(BORDER_STRINGS);
  const [now, setNow] = useState(() => Date.now());
  const left = Date.parse(props.deadline) - now;
  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [left <= 0]);
  return (
    <span className={left > 0 ? 'countdown' : 'countdown overdue'} role="timer">
      {left > 0 ? t('remaining', { time: formatRemaining(left) }) : t('overdue')}
    </span>
  );
}
