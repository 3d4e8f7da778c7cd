/**
 * One line per fault or attack tried against the real network, so `npm run test:faults` prints
 * the matrix (issue 9): how many tries, how many the system refused or survived, and what was lost
 * or duplicated. A test asserts on the same numbers it prints.
 */
export interface FaultFigure {
  /** The fault or attack, e.g. "gateway kill -9 under load". */
  fault: string;
  tries: number;
  /** Attempts the system refused (an attack) or came through unharmed (a fault). */
  refused?: number;
  survived?: number;
  lost: number;
  duplicated: number;
}

export function formatFaultFigure(figure: FaultFigure): string {
  const parts = [`tries=${figure.tries}`];
  if (figure.refused !== undefined) parts.push(`refused=${figure.refused}`);
  if (figure.survived !== undefined) parts.push(`survived=${figure.survived}`);
  parts.push(`lost=${figure.lost}`, `duplicated=${figure.duplicated}`);
  return `FAULT ${figure.fault}: ${parts.join(' ')}`;
}

/** Prints the figure on stderr (Jest shows it beside the test) and returns it for assertions. */
export function reportFault(figure: FaultFigure): FaultFigure {
  process.stderr.write(`${formatFaultFigure(figure)}\n`);
  return figure;
}
