// Shared by the kill -9 test and the intake benchmark: a valid public application, N concurrent
// submissions with their outcomes and latencies, and the staff view of every stored case code.
import { Agent, request } from 'node:http';

export interface Submission {
  readonly index: number;
  readonly status: number | 'error';
  readonly caseCode?: string;
  readonly verificationCode?: string;
  readonly ms: number;
}

/** A valid intake body (resident ID with a correct GB 11643 check digit). */
export function intakeBody(index: number): Record<string, unknown> {
  return {
    applicant: {
      type: 'natural_person',
      name: `测试申请人${index}`,
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13800000000',
      email: `applicant${index}@example.org`,
    },
    description: `请公开2025年度本机关政府信息公开工作经费支出明细（第${index}号测试申请）`,
    delivery: 'email',
  };
}

/** One POST of a JSON body over node:http (a fraction of fetch's CPU: the load generator shares the machine). */
function postJson(url: string, body: string, agent: Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Fires `count` submissions at once, each on its own connection; `onAck` sees each 201 as it arrives. */
export async function submitConcurrently(
  url: string,
  agency: string,
  count: number,
  onAck: (acknowledged: number) => void = () => {},
): Promise<Submission[]> {
  let acknowledged = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    return await Promise.all(
      Array.from({ length: count }, async (_, index): Promise<Submission> => {
        const start = performance.now();
        try {
          const response = await postJson(`${url}/api/agencies/${agency}/applications`, JSON.stringify(intakeBody(index)), agent);
          const body = JSON.parse(response.text) as { caseCode?: string; verificationCode?: string };
          const ms = performance.now() - start;
          if (response.status === 201) {
            acknowledged += 1;
            onAck(acknowledged);
            return {
              index,
              status: 201,
              ms,
              ...(body.caseCode === undefined ? {} : { caseCode: body.caseCode }),
              ...(body.verificationCode === undefined ? {} : { verificationCode: body.verificationCode }),
            };
          }
          return { index, status: response.status, ms };
        } catch {
          return { index, status: 'error', ms: performance.now() - start };
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/** Every case code the staff API lists for `agency` (paged). */
export async function listedCaseCodes(url: string, token: string, agency: string): Promise<string[]> {
  const codes: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const response = await fetch(`${url}/api/cases?agency=${agency}&limit=500&offset=${offset}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) {
      throw new Error(`GET /api/cases answered ${response.status}: ${await response.text()}`);
    }
    const page = (await response.json()) as { items: { caseCode: string }[] };
    codes.push(...page.items.map((item) => item.caseCode));
    if (page.items.length < 500) {
      return codes;
    }
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
