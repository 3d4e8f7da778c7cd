import { useState, type FormEvent } from 'react';
import type { Role, ServiceView } from '../api/session';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useLocaleSettings } from '../i18n/locale';
import { useStrings } from '../i18n/strings';
import type { ManagedPersonView, NewPerson, PersonChanges } from './people.api';
import { PEOPLE_STRINGS } from './people.strings';
import { assignableRoles, ROLE_LABEL } from './person-roles';

const USERNAME = '[a-z0-9._-]{2,64}';

/**
 * A new person (user name, name, roles, border post) or the changes to one (name, roles, border
 * post). A border officer needs a border post; the service checks everything again.
 */
export function PersonForm(props: {
  service: ServiceView;
  person?: ManagedPersonView;
  onCreate?: (person: NewPerson) => void;
  onChange?: (changes: PersonChanges) => void;
  onCancel?: () => void;
}) {
  const { service, person } = props;
  const t = useStrings(PEOPLE_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const { locale, timeZone } = useLocaleSettings();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(person?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? []);
  const [borderPost, setBorderPost] = useState(person?.borderPost ?? '');
  const [problem, setProblem] = useState<string>();
  const prefix = person ? `edit-${person.id}` : 'new';
  const border = roles.includes('border-officer');

  const toggle = (role: Role, checked: boolean) =>
    setRoles((current) => (checked ? [...current, role] : current.filter((r) => r !== role)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return setProblem(t('rolesNeeded'));
    if (border && !borderPost.trim()) return setProblem(t('borderPostNeeded'));
    setProblem(undefined);
    const post = border ? { borderPost: borderPost.trim() } : {};
    const cleared = !border && person?.borderPost ? { borderPost: null } : {};
    if (person) props.onChange?.({ displayName: displayName.trim(), roles, ...post, ...cleared });
    else props.onCreate?.({ username, displayName: displayName.trim(), roles, ...post, locale, timeZone });
  };

  return (
    <form
      className="stacked person-form"
      onSubmit={submit}
      aria-label={person ? t('editing', { name: person.username }) : t('newPerson')}
    >
      {!person && (
        <label>
          {common('username')}
          <input
            name="username"
            required
            pattern={USERNAME}
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value.toLowerCase())}
          />
        </label>
      )}
      <label>
        {t('displayName')}
        <input
          name="displayName"
          required
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t('roles')}</legend>
        {assignableRoles(service).map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              id={`${prefix}-role-${role}`}
              name="roles"
              value={role}
              checked={roles.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />
            {t(ROLE_LABEL[role])}
          </label>
        ))}
      </fieldset>
      {border && (
        <label>
          {t('borderPost')}
          <input
            name="borderPost"
            required
            maxLength={80}
            value={borderPost}
            onChange={(e) => setBorderPost(e.target.value)}
          />
        </label>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit">{person ? common('save') : t('create')}</button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {common('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
