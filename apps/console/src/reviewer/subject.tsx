import type { NoticeSubject } from './reviewer.api';

/** A person as a notice names them: "DOE, John · 1970-01-01 · FR · X123". */
export function SubjectLine(props: { subject: Partial<NoticeSubject> }) {
  const { familyName, givenNames, dateOfBirth, nationality, documentNumbers } = props.subject;
  const parts = [
    [familyName?.toUpperCase(), givenNames].filter(Boolean).join(', '),
    dateOfBirth,
    nationality,
    documentNumbers?.join(' '),
  ].filter(Boolean);
  return <span className="subject">{parts.join(' · ')}</span>;
}
