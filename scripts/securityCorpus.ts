import { parseArgs } from 'node:util';
import { mintDemoToken } from '../demo/identity/mintDemoToken';
import { CORPUS } from '../test/security/corpus';
import type { HostileCase } from '../test/security/corpus/HostileCase';
import { type Answer, replayCase, unexpectedAnswer } from '../test/security/replayCase';

const USAGE = `usage: npm run security:corpus -- [--url http://127.0.0.1:4000/graphql]

Replays the hostile-request corpus (test/security/corpus) against a running gateway with the
default limits, trusting the demo identity provider: one line per case (status, code, time),
then the slowest answers, any over 1 s and any unexpected one. Exits 1 if any answer was
unexpected or the gateway no longer answers a normal query afterwards.
`;

const SLOW_MS = 1000;

interface Replayed {
  category: string;
  hostile: HostileCase;
  answer?: Answer;
  problem?: string;
}

/** Whether the gateway answers the showcase query of a caseworker, as before the corpus. */
async function stillAnswers(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDemoToken('caseworker')}`,
        'x-purpose': 'benefit-eligibility',
      },
      body: JSON.stringify({ query: '{ person(nationalId: "48507120002") { familyName } }' }),
    });
    const body = (await response.json()) as { data?: { person?: { familyName?: string } } };
    if (response.status === 200 && body.data?.person?.familyName === 'Tamm') return undefined;
    return `answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`;
  } catch (error) {
    return (error as Error).message;
  }
}

async function main(): Promise<number> {
  let url: string;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    url = values.url ?? 'http://127.0.0.1:4000/graphql';
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const before = await stillAnswers(url);
  if (before !== undefined) {
    process.stderr.write(`the gateway at ${url} does not answer a normal query: ${before}\n`);
    return 1;
  }
  const replayed: Replayed[] = [];
  for (const { category, cases } of CORPUS) {
    for (const hostile of cases) {
      const entry: Replayed = { category, hostile };
      try {
        entry.answer = await replayCase(url, hostile);
        entry.problem = unexpectedAnswer(hostile, entry.answer);
      } catch (error) {
        entry.problem = `no answer: ${(error as Error).message}`;
      }
      replayed.push(entry);
      const { answer } = entry;
      process.stdout.write(
        `${entry.problem ? 'UNEXPECTED' : 'ok        '} ${String(answer?.status ?? '-').padEnd(4)}${(answer?.code ?? '-').padEnd(29)}${(answer ? `${answer.ms.toFixed(0)} ms` : '-').padStart(8)}  ${category}: ${hostile.name}${entry.problem ? `\n           ${entry.problem}` : ''}\n`,
      );
    }
  }
  const answered = replayed.filter((entry) => entry.answer) as Required<Replayed>[];
  const slowest = [...answered].sort((a, b) => b.answer.ms - a.answer.ms);
  const slow = slowest.filter((entry) => entry.answer.ms > SLOW_MS);
  const unexpected = replayed.filter((entry) => entry.problem);
  const after = await stillAnswers(url);
  const total = answered.reduce((sum, entry) => sum + entry.answer.ms, 0);
  const lines = [
    '',
    `${replayed.length} cases in ${CORPUS.length} categories, ${(total / 1000).toFixed(1)} s of answers; median ${slowest[Math.floor(slowest.length / 2)]?.answer.ms.toFixed(0) ?? '-'} ms`,
    'slowest:',
    ...slowest
      .slice(0, 5)
      .map(
        (entry) =>
          `  ${entry.answer.ms.toFixed(0).padStart(6)} ms  ${entry.category}: ${entry.hostile.name}`,
      ),
    `over ${SLOW_MS} ms: ${slow.length === 0 ? 'none' : slow.map((entry) => entry.hostile.name).join('; ')}`,
    `unexpected: ${unexpected.length === 0 ? 'none' : unexpected.length}`,
    ...unexpected.map((entry) => `  ${entry.category}: ${entry.hostile.name}: ${entry.problem}`),
    `the gateway still answers: ${after === undefined ? 'yes' : `NO (${after})`}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return unexpected.length > 0 || after !== undefined ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `security:corpus: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
