import { useCallback, useEffect, useState } from 'react';
import type { PageProps } from '../shell/console-route';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useActionOutcome } from './action-outcome';
import { peopleAdmin, type ManagedPersonView, type SignInLink } from './people.api';
import { PEOPLE_STRINGS } from './people.strings';
import { PersonForm } from './person.form';
import { ROLE_LABEL } from './person-roles';
import './people.css';

/** "People" (admin): this service's people, their roles and state; create, edit, disable, unlock, link. */
export function PeoplePage({ session }: PageProps) {
  const t = useStrings(PEOPLE_STRINGS);
  const dateTime = useDateTime();
  const outcome = useActionOutcome(PEOPLE_STRINGS);
  const [people, setPeople] = useState<ManagedPersonView[]>([]);
  const [editing, setEditing] = useState<string>();
  const [link, setLink] = useState<SignInLink & { username: string }>();
  const [formKey, setFormKey] = useState(0);

  const reload = useCallback(() => peopleAdmin.list().then(setPeople, outcome.fail), []);
  useEffect(() => void reload(), [reload]);

  /** One administrator action, then the list as the service now has it. */
  const act = (step: Promise<unknown>, success: 'created' | 'changed', name: string) => {
    outcome.clear();
    step.then(() => {
      outcome.succeed(success, { name });
      return reload();
    }, outcome.fail);
  };
  const makeLink = (person: ManagedPersonView) => {
    outcome.clear();
    peopleAdmin.signInLink(person.id).then((made) => setLink({ ...made, username: person.username }), outcome.fail);
  };
  const status = (person: ManagedPersonView) =>
    person.disabled
      ? t('disabled')
      : person.lockedUntil && Date.parse(person.lockedUntil) > Date.now()
        ? t('lockedUntil', { time: dateTime(person.lockedUntil) })
        : t('active');

  return (
    <div className="people-area">
      <h1>{t('people')}</h1>
      {outcome.view}
      {link && (
        <div className="created-secret" role="status">
          <p>{t('linkFor', { name: link.username, time: dateTime(link.expiresAt) })}</p>
          <code data-testid="sign-in-link">{link.url}</code>
        </div>
      )}
      {people.length === 0 ? (
        <p>{t('noPeople')}</p>
      ) : (
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">{t('displayName')}</th>
              <th scope="col">{t('roles')}</th>
              <th scope="col">{t('borderPost')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('lastSignIn')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id} data-username={person.username}>
                <th scope="row">
                  {person.displayName} <span className="username">({person.username})</span>
                </th>
                <td>{person.roles.map((role) => t(ROLE_LABEL[role])).join(', ')}</td>
                <td>{person.borderPost ?? ''}</td>
                <td>{status(person)}</td>
                <td>{person.lastSignInAt ? dateTime(person.lastSignInAt) : '—'}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing(person.id)}>
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      act(peopleAdmin.change(person.id, { disabled: !person.disabled }), 'changed', person.username)
                    }
                  >
                    {person.disabled ? t('enable') : t('disable')}
                  </button>
                  {person.lockedUntil && (
                    <button
                      type="button"
                      onClick={() => act(peopleAdmin.unlock(person.id), 'changed', person.username)}
                    >
                      {t('unlock')}
                    </button>
                  )}
                  <button type="button" onClick={() => makeLink(person)}>
                    {t('signInLink')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {people
        .filter((person) => person.id === editing)
        .map((person) => (
          <section key={person.id} aria-labelledby="edit-title">
            <h2 id="edit-title">{t('editing', { name: person.username })}</h2>
            <PersonForm
              service={session.service}
              person={person}
              onChange={(changes) => {
                setEditing(undefined);
                act(peopleAdmin.change(person.id, changes), 'changed', person.username);
              }}
              onCancel={() => setEditing(undefined)}
            />
          </section>
        ))}
      <section aria-labelledby="new-person-title">
        <h2 id="new-person-title">{t('newPerson')}</h2>
        <PersonForm
          key={formKey}
          service={session.service}
          onCreate={(person) =>
            act(
              peopleAdmin.create(person).then(() => setFormKey((key) => key + 1)),
              'created',
              person.username,
            )
          }
        />
      </section>
    </div>
  );
}
