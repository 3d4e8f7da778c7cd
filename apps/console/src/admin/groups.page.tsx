import { useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import {
  createGroup,
  parseMembers,
  previewGroup,
  readGroups,
  updateGroup,
  type CountryGroup,
  type GroupChangePreview,
  type GroupDraft,
} from './groups.api';
import { GROUPS_STRINGS } from './groups.strings';
import { useLoaded } from './use-loaded';
import './admin.css';

const KINDS = ['region', 'schengen', 'custom'] as const;

/** What a change would do, from the registry's dry run: members added and removed, decisions that turn. */
function PreviewView({ preview }: { preview: GroupChangePreview }) {
  const t = useStrings(GROUPS_STRINGS);
  const list = (codes: string[]) => (codes.length > 0 ? codes.join(', ') : t('none'));
  return (
    <section className="group-preview" aria-live="polite" data-change={preview.change}>
      <p data-added={preview.added.join(',')}>{t('added', { codes: list(preview.added) })}</p>
      <p data-removed={preview.removed.join(',')}>{t('removed', { codes: list(preview.removed) })}</p>
      {preview.policies.length > 0 && <p>{t('namedBy', { policies: preview.policies.join(', ') })}</p>}
      <h3>{t('decisionsChange')}</h3>
      {preview.decisions.length === 0 ? (
        <p>{t('noDecisionChanges')}</p>
      ) : (
        <ul>
          {preview.decisions.map((decision) => (
            <li key={`${decision.sender}-${decision.recipient}-${decision.kind}`}>
              <span dir="ltr">
                {decision.sender} → {decision.recipient} · {decision.kind}
              </span>
              : {t(decision.before)} → {t(decision.after)}
              {decision.rule && <span className="hash"> ({decision.rule})</span>}
            </li>
          ))}
        </ul>
      )}
      {preview.truncated && <p className="warn">{t('truncated', { count: preview.evaluated })}</p>}
    </section>
  );
}

/** Edits one group (or makes a new one): preview first, then save. */
function GroupEditor({ group, onSaved }: { group?: CountryGroup; onSaved: (version: number) => void }) {
  const t = useStrings(GROUPS_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [id, setId] = useState(group?.id ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [kind, setKind] = useState<GroupDraft['kind']>(group?.kind ?? 'custom');
  const [members, setMembers] = useState(group?.members.join(', ') ?? '');
  const [preview, setPreview] = useState<GroupChangePreview | undefined>();
  const [error, setError] = useState('');
  const draft = (): GroupDraft => ({ id, name, kind, members: parseMembers(members) });
  const fail = (caught: unknown) =>
    setError(caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught));
  const edited = () => setPreview(undefined);

  const onPreview = () => {
    setError('');
    previewGroup(draft()).then(setPreview, fail);
  };
  const onSave = () => {
    setError('');
    (group ? updateGroup(draft()) : createGroup(draft())).then(
      (saved) => onSaved((saved as CountryGroup & { version: number }).version),
      fail,
    );
  };
  return (
    <form
      className="group-editor"
      data-group={group?.id ?? 'new'}
      aria-label={group ? `${t('edit')}: ${group.id}` : t('newGroup')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="inline-form">
        {!group && (
          <label>
            {t('id')}
            <input
              name="id"
              value={id}
              dir="ltr"
              onChange={(event) => {
                setId(event.target.value);
                edited();
              }}
            />
          </label>
        )}
        <label>
          {t('name')}
          <input
            name="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              edited();
            }}
          />
        </label>
        <label>
          {t('kind')}
          <select
            name="kind"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as GroupDraft['kind']);
              edited();
            }}
          >
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(option)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('members')}
          <input
            name="members"
            value={members}
            dir="ltr"
            title={t('membersHint')}
            onChange={(event) => {
              setMembers(event.target.value);
              edited();
            }}
          />
        </label>
        <button type="button" onClick={onPreview}>
          {t('preview')}
        </button>
        <button type="button" onClick={onSave} disabled={!preview} title={preview ? undefined : t('previewFirst')}>
          {t('save')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      )}
      {preview && <PreviewView preview={preview} />}
    </form>
  );
}

/** The country groups of the rules: list, new group, members edited after the dry run shows what changes. */
export function GroupsPage() {
  const t = useStrings(GROUPS_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<string | undefined>();
  const [saved, setSaved] = useState<number | undefined>();
  const { data, error } = useLoaded(readGroups, String(reload));
  const onSaved = (version: number) => {
    setSaved(version);
    setEditing(undefined);
    setReload((count) => count + 1);
  };
  return (
    <section className="admin">
      <h1>{t('groupsTitle')}</h1>
      <p>{t('intro')}</p>
      {saved !== undefined && <p role="status">{t('saved', { version: saved })}</p>}
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : !data ? (
        <p>{common('loading')}</p>
      ) : data.length === 0 ? (
        <p>{t('noGroups')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('id')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('members')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.map((group) => (
                <tr key={group.id} data-group={group.id}>
                  <td className="hash">{group.id}</td>
                  <td>{group.name}</td>
                  <td>{t(group.kind)}</td>
                  <td dir="ltr">{group.members.join(', ')}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(editing === group.id ? undefined : group.id)}>
                      {editing === group.id ? t('cancel') : t('edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && data && (
        <GroupEditor key={editing} group={data.find((group) => group.id === editing)} onSaved={onSaved} />
      )}
      <h2>{t('newGroup')}</h2>
      <GroupEditor key={`new-${reload}`} onSaved={onSaved} />
    </section>
  );
}
