import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createSodiumPoprf, referencePoprf, type Poprf } from '@bureaunet/oprf';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:oprf`: RFC 9497 POPRF (ristretto255-SHA512) operations per second on one core,
 * the @noble/curves reference against the libsodium fast path, each step alone and the whole
 * round trip (blind, blind-evaluate with proof, finalize with proof check), plus the server's
 * direct Evaluate. Inputs look like travel-document numbers; info is an issuing country.
 */
const DURATION_MS = Number(process.env.BENCH_MS ?? 1_500);
const INPUTS = Array.from({ length: 256 }, (_, i) => Buffer.from(`P<DNK${String(i).padStart(9, '0')}`));
const INFO = Buffer.from('DNK');

type Step = 'blind' | 'blindEvaluate' | 'finalize' | 'round trip' | 'evaluate';
const STEPS: Step[] = ['blind', 'blindEvaluate', 'finalize', 'round trip', 'evaluate'];

/** Operations per second of `run(i)` for about DURATION_MS, after a short warm-up. */
function rate(run: (i: number) => unknown): number {
  for (let i = 0; i < 50; i++) run(i);
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    for (let j = 0; j < 20; j++) run(count++);
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

function measure(poprf: Poprf): Record<Step, number> {
  const keys = poprf.deriveKeyPair({ seed: randomBytes(32), keyInfo: Buffer.from('bench') });
  const pick = (i: number) => INPUTS[i % INPUTS.length];
  const blinds = INPUTS.map((input) => poprf.blind({ input, info: INFO, serverPublicKey: keys.publicKey }));
  const evaluations = blinds.map((b) =>
    poprf.blindEvaluate({ serverSecretKey: keys.secretKey, blindedElement: b.blindedElement, info: INFO }),
  );
  const at = (i: number) => i % INPUTS.length;
  return {
    blind: rate((i) => poprf.blind({ input: pick(i), info: INFO, serverPublicKey: keys.publicKey })),
    blindEvaluate: rate((i) =>
      poprf.blindEvaluate({
        serverSecretKey: keys.secretKey,
        blindedElement: blinds[at(i)].blindedElement,
        info: INFO,
      }),
    ),
    finalize: rate((i) => poprf.finalize({ input: pick(i), info: INFO, ...blinds[at(i)], ...evaluations[at(i)] })),
    'round trip': rate((i) => {
      const blinded = poprf.blind({ input: pick(i), info: INFO, serverPublicKey: keys.publicKey });
      const evaluated = poprf.blindEvaluate({
        serverSecretKey: keys.secretKey,
        blindedElement: blinded.blindedElement,
        info: INFO,
      });
      return poprf.finalize({ input: pick(i), info: INFO, ...blinded, ...evaluated });
    }),
    evaluate: rate((i) => poprf.evaluate({ serverSecretKey: keys.secretKey, input: pick(i), info: INFO })),
  };
}

async function main(): Promise<void> {
  const fast = await createSodiumPoprf();
  const reference = measure(referencePoprf);
  const sodium = measure(fast);
  const figures: BenchFigure[] = STEPS.flatMap((step) => {
    const baseline: BenchFigure = {
      name: `${step}, @noble/curves reference`,
      value: reference[step],
      unit: 'ops/s',
      baseline: true,
    };
    return [
      baseline,
      {
        name: `${step}, libsodium fast path`,
        value: sodium[step],
        unit: 'ops/s',
        against: ratioTo(baseline, sodium[step]),
      },
    ];
  });
  publishBenchReport({
    title: 'Border checks: the POPRF',
    command: 'npm run bench:oprf',
    setup: `RFC 9497 POPRF ristretto255-SHA512 operations on one core, ${DURATION_MS} ms per figure after a warm-up (Node ${process.version}): the @noble/curves reference (the baseline) against the libsodium fast path, each step alone, the whole round trip (blind, blind-evaluate with proof, finalize with proof check) and the server's direct Evaluate. Inputs look like travel-document numbers; info is an issuing country.`,
    figures,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
