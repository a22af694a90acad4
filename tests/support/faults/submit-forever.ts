// A process that opens an embedded database and submits responses as fast as it can, printing
// each response id once committed, until it is killed. The test kills it with SIGKILL mid-stream.
import { randomUUID } from 'node:crypto';
import { migrate, openDatabase } from '../../../db/index.ts';
import { manualClock } from '../../../server/clock.ts';
import { submitResponse } from '../../../server/submission/submit.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../fixtures.ts';

const dataDir = process.argv[2]!;
const open = await openDatabase({ kind: 'pglite', dataDir });
await migrate(open);
const db = open.db;
const { service, north } = await makeService(db);
const owner = await makeStaff(db, service.id, 'case_manager', north.id);
const child = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: owner.id });
const q = await makeQuestionnaire(db, service.id, MINI_EOOQ);
process.stdout.write('ready\n');
const clock = manualClock('2026-05-12T10:00:00Z');
for (let i = 0; ; i++) {
  const responseId = randomUUID();
  await submitResponse({ db, clock }, {
    responseId,
    serviceId: service.id,
    areaId: north.id,
    caseId: child.id,
    questionnaireVersionId: q.version.id,
    channel: 'paper',
    // Every response: three answers; every other one a safeguarding concern with its alert and email.
    answers: { views_taken_seriously: 'most', feel_safe: i % 2 ? 'no' : 'yes', good: `answer ${i}` },
  });
  process.stdout.write(`${responseId}\n`);
}
