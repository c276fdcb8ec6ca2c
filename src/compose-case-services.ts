// Binds the case use cases to what the HTTP routes call (CaseServices). Until the case tier has
// landed, every case endpoint answers 503 UNAVAILABLE with a Chinese message.
import type { Db } from '#adapters/db/open-database.ts';
import type { CaseServices } from '#adapters/http/http-services.ts';
import { DomainError } from '#core/shared/domain-error.ts';

export function composeCaseServices(_db: Db, _now: () => Date): CaseServices {
  const pending = async (): Promise<never> => {
    throw new DomainError('UNAVAILABLE', '案件功能尚未启用');
  };
  return { createApplication: pending, lookupApplicationStatus: pending, listCases: pending, getCase: pending, recordCaseEvent: pending };
}
