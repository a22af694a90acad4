// Published questionnaire versions, as the respondent pages and the submission pipeline read
// them. A version never changes once written (nor its questionnaire's kind or audience), so the
// parsed version is kept for the life of the process.
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { questionnaireVersions, questionnaires } from '../../db/schema.ts';
import { Definition } from './definition.ts';

export interface LoadedVersion {
  versionId: string;
  questionnaireId: string;
  serviceId: string;
  kind: (typeof questionnaires.$inferSelect)['kind'];
  audience: (typeof questionnaires.$inferSelect)['audience'];
  definition: Definition;
  /** The definition's questions by id. */
  questionsById: ReadonlyMap<string, Definition['questions'][number]>;
}

const cache = new Map<string, LoadedVersion>();

export async function loadVersion(db: Queryable, versionId: string): Promise<LoadedVersion | undefined> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const [row] = await db
    .select({
      definition: questionnaireVersions.definition,
      questionnaireId: questionnaireVersions.questionnaireId,
      serviceId: questionnaires.serviceId,
      kind: questionnaires.kind,
      audience: questionnaires.audience,
    })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaireVersions.id, versionId));
  if (!row) return undefined;
  const definition = Definition.parse(row.definition);
  const loaded: LoadedVersion = { versionId, ...row, definition, questionsById: new Map(definition.questions.map((q) => [q.id, q])) };
  cache.set(versionId, loaded);
  return loaded;
}

/** The newest published version of a questionnaire: the one a new respondent answers. */
export async function latestVersionId(db: Queryable, questionnaireId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  return row?.id;
}
