// `gongkai case import|new|show|list|event`: the case use cases from the command line (issue #7).
// `case import FILE.jsonl --agency SLUG [--json]` follows the Contracts exactly: per-line errors with
// line numbers, nothing of a bad line written, exit 1 if any line was rejected.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { CaseDeps } from '#app/case-ports.ts';
import { assignCaseOfficer } from '#app/cases/assign-case-officer.ts';
import type { CaseDetail, CaseView } from '#app/cases/case-views.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { getCase, listCases } from '#app/cases/query-cases.ts';
import { decideAppeal, recordAppeal } from '#app/cases/record-appeal.ts';
import { recordCaseEvent } from '#app/cases/record-case-event.ts';
import { APPEAL_DECISION_IDS, APPEAL_DECISIONS } from '#core/cases/appeal-case.ts';
import { APPLICANT_TYPE_LABEL } from '#core/cases/applicant.ts';
import { CASE_EVENT_LABEL, CASE_EVENT_TYPES } from '#core/cases/case-event.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type CaseAccess, caseAccessOf } from '../case-access.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseOptions, takeOption } from '../command-options.ts';
import { ATTACH_HELP, attachmentDeps, readIncomingFiles, runAttach, runAttachments } from './case-attachments.ts';

const HELP = `用法：
  gongkai case import FILE.jsonl --agency SLUG [--json]
      每行一件申请：{"externalId", "channel", "received", "applicantType", "events": [{"type", "date", …}], "outcome"}。
      按 externalId 幂等；有问题的行逐行报告（行号），该行不写入任何内容；其余行照常导入。有行被拒绝时退出码为 1。
  gongkai case new --agency SLUG --applicant-type 类型 --name 姓名或名称 --description 描述 --delivery online|email|post|pickup
                   [--channel 渠道] [--received YYYY-MM-DD] [--id-type resident_id|passport|other] [--id-number 号码]
                   [--uscc 统一社会信用代码] [--phone 电话] [--email 邮箱] [--address 地址] [--attach FILE]… [--json]
      登记一件申请（工作人员录入信函、当面、传真、电子邮件等申请），输出受理编号和查询码。
      --attach 随申请保存的附件（可多次给出，如扫描的申请信函）；附件与申请一起写入，任何附件被拒绝则什么都不写。
  gongkai case show CODE [--json]
${ATTACH_HELP}
  gongkai case list --agency SLUG [--state 状态] [--open|--closed] [--due-by YYYY-MM-DD] [--officer 用户名] [--limit N] [--offset N] [--json]
  gongkai case assign CODE --officer 用户名 [--json]
  gongkai case unassign CODE [--json]
      指定或取消案件的承办人。承办人须在案件所属机关担任办理人、审核人、机构管理员或系统管理员；
      记入案件的承办记录和审计日志。到期和逾期提醒发往承办人的邮箱（未指定承办人或其无邮箱时发往机关邮箱 mail.reminders-to）。
  gongkai case event CODE TYPE --date YYYY-MM-DD [--outcome 结果] [--working-days N] [--deadline YYYY-MM-DD] [--其他参数 值] [--json]
      事件类型：${CASE_EVENT_TYPES.filter((t) => t !== 'received').join('、')}。
      参数与 deadline --case 的输入一致（--delivered-on、--period-working-days、--consultation-id、--kind、
      --consultee-received-on、--approved-by、--reason、--notice-sent-on、--notice-received-on、--competent-organ）。

  gongkai case appeal add --agency SLUG --kind review|litigation_direct|litigation_after_review --filed YYYY-MM-DD [--case CODE] [--reference 案号]
  gongkai case appeal decide --agency SLUG ID --date YYYY-MM-DD --decision 结果
      行政复议、行政诉讼案件（年度报告表四）。结果：${APPEAL_DECISION_IDS.map((id) => `${id}（${APPEAL_DECISIONS[id].label}）`).join('、')}。
  gongkai case letter CODE [--out FILE.docx] [--json]
      已答复申请的告知书（含文号和救济途径告知）；--out 写出 DOCX，否则显示文本。见 gongkai letter --help。

以谁的身份：不加 --as 时为运维操作（能运行本命令即能直接访问数据目录和数据库，故不检查角色），
记入案件记录和审计日志的操作人为 GONGKAI_USER，未设置时为系统用户名。
加 --as 用户名（letter 以外的子命令）时以该工作人员的身份操作：操作人记为该用户，并按其角色和机关检查，
与工作人员 API 相同（无权查看的案件答复“未找到”，只能查看的角色不能登记或修改）。

退出码：0 成功；1 导入时有行被拒绝；3 未找到；4 无权操作；5 当前状态不允许该事件；64 参数错误。`;

/** The case ports of this process (the database store the composition root wired, opened on first use). */
function caseDeps(context: CommandContext): CaseDeps {
  return { cases: context.deps.cases, clock: context.deps.clock };
}

const COMMON_OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function parse<T extends ParseArgsOptionsConfig>(args: readonly string[], options: T) {
  return parseOptions(args, { ...options, ...COMMON_OPTIONS }, HELP);
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

function caseLine(c: CaseView): string {
  return [
    c.caseCode,
    c.stateLabel,
    `收到 ${c.received}`,
    c.due === null ? '' : `期限 ${c.due}`,
    c.outcomeLabel ?? '',
    c.clockState === 'overdue' ? '已逾期' : '',
  ]
    .filter((s) => s !== '')
    .join('  ');
}

function caseText(c: CaseDetail): string {
  const lines = [
    `案件 ${c.caseCode}（${c.agency}）${c.externalId === null ? '' : `，外部编号 ${c.externalId}`}`,
    `状态：${c.stateLabel}${c.clockState === 'overdue' ? '（已逾期）' : ''}`,
    `申请人类型：${APPLICANT_TYPE_LABEL[c.applicantType as keyof typeof APPLICANT_TYPE_LABEL] ?? c.applicantType}；渠道：${c.channel}`,
    `收到日期：${c.received}`,
    `答复期限：${c.due ?? '—'}`,
    `承办人：${c.officer ?? '未指定'}`,
    ...(c.correctionDeadline === null ? [] : [`补正期限：${c.correctionDeadline}`]),
    ...(c.feePaymentDue === null ? [] : [`缴费期限：${c.feePaymentDue}`]),
    ...(c.outcome === null ? [] : [`办理结果：${c.outcomeLabel}（${c.outcome}），${c.closedOn} 办结`]),
    '事件：',
    ...c.events.map(
      (e, i) => `  ${i + 1}. ${e['date']} ${CASE_EVENT_LABEL[e['type'] as keyof typeof CASE_EVENT_LABEL] ?? e['type']}（${e['type']}）`,
    ),
    ...(c.assignments === undefined || c.assignments.length === 0
      ? []
      : [
          '承办记录：',
          ...c.assignments.map((a) => `  ${a.at} ${a.officer === null ? '取消承办人' : `指定承办人 ${a.officer}`}（${a.actor}）`),
        ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** The operator needs no check; a staff user (--as) must have `action` on the case's agency (a missing case: NOT_FOUND). */
async function requireCaseAccess(context: CommandContext, access: CaseAccess | undefined, caseCode: string, action: 'read' | 'write') {
  if (access === undefined) {
    return;
  }
  const row = await context.deps.cases.findCase(caseCode);
  if (row === null) {
    throw new DomainError('NOT_FOUND', `未找到案件“${caseCode}”`);
  }
  await access.require(row.agencySlug, action, caseCode);
}

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...given] = args;
  const rest = [...given];
  const asUser = takeOption(rest, '--as');
  if (asUser !== undefined && (sub === 'letter' || sub === undefined || sub === 'help')) {
    throw new UsageError('--as 不适用于该子命令（case letter 请用 gongkai letter show，或工作人员 API）');
  }
  // The staff user of --as (checked like the API), else the operator (context.deps.actor, unchecked).
  const access = asUser === undefined ? undefined : await caseAccessOf(context, asUser);
  if (access !== undefined) {
    context = { ...context, deps: { ...context.deps, actor: access.actor } };
  }
  switch (sub) {
    case 'import':
      return importCommand(rest, context, access);
    case 'letter': {
      // The reply letter (告知书) with its 文号: `letter show` of ./letter.ts.
      const { runLetterShow } = await import('./letter.ts');
      return runLetterShow(rest, context);
    }
    case 'new':
      return newCommand(rest, context, access);
    case 'attach':
      return runAttach(rest, context);
    case 'attachments':
      return runAttachments(rest, context);
    case 'show':
      return showCommand(rest, context, access);
    case 'list':
      return listCommand(rest, context, access);
    case 'event':
      return eventCommand(rest, context, access);
    case 'appeal':
      return appealCommand(rest, context, access);
    case 'assign':
    case 'unassign':
      return assignCommand(sub, rest, context, access);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      context.out(`${HELP}\n`);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`未知子命令“${sub}”。\n${HELP}`);
  }
}

async function importCommand(args: readonly string[], context: CommandContext, access?: CaseAccess): Promise<number> {
  const { values, positionals } = parse(args, { agency: { type: 'string' } });
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1 || typeof values.agency !== 'string') {
    throw new UsageError('用法：gongkai case import FILE.jsonl --agency SLUG [--json]');
  }
  const file = positionals[0]!;
  await access?.require(values.agency, 'write');
  let text: string;
  try {
    text = await readFile(resolve(context.cwd, file), 'utf8');
  } catch (error) {
    throw new DomainError(
      'INVALID_INPUT',
      `无法读取“${file}”：${(error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message}`,
    );
  }
  const agency = values.agency;
  const result = await importCases(caseDeps(context), { agencySlug: agency, text, actor: context.deps.actor });
  if (values.json === true) {
    context.out(json(result));
  } else {
    for (const line of result.lines.filter((l) => l.status === 'rejected')) {
      context.err(`第 ${line.line} 行${line.externalId === null ? '' : `（${line.externalId}）`}：${(line.problems ?? []).join('；')}\n`);
    }
    context.out(`导入 ${result.imported} 件，更新 ${result.updated} 件，未变 ${result.unchanged} 件，拒绝 ${result.rejected} 行\n`);
  }
  return result.rejected > 0 ? EXIT.findings : EXIT.ok;
}

async function newCommand(args: readonly string[], context: CommandContext, access?: CaseAccess): Promise<number> {
  const { values } = parse(args, {
    agency: { type: 'string' },
    'applicant-type': { type: 'string' },
    name: { type: 'string' },
    'id-type': { type: 'string' },
    'id-number': { type: 'string' },
    uscc: { type: 'string' },
    phone: { type: 'string' },
    email: { type: 'string' },
    address: { type: 'string' },
    description: { type: 'string' },
    delivery: { type: 'string' },
    channel: { type: 'string' },
    received: { type: 'string' },
    attach: { type: 'string', multiple: true },
  });
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (typeof values.agency !== 'string') {
    throw new UsageError('请用 --agency 指定机关');
  }
  const agency = values.agency;
  await access?.require(agency, 'write');
  const applicant = Object.fromEntries(
    Object.entries({
      type: values['applicant-type'],
      name: values.name,
      idType: values['id-type'],
      idNumber: values['id-number'],
      uscc: values.uscc,
      phone: values.phone,
      email: values.email,
      address: values.address,
    }).filter(([, v]) => v !== undefined),
  );
  const attachments = values.attach === undefined ? [] : await readIncomingFiles(values.attach, context);
  const { blobs, limits } = attachmentDeps(context);
  const created = await createApplication(
    { ...caseDeps(context), blobs, limits },
    {
      agencySlug: agency,
      applicant,
      description: values.description,
      delivery: values.delivery,
      channel: values.channel ?? 'in_person',
      ...(values.received === undefined ? {} : { received: values.received }),
      ...(attachments.length === 0 ? {} : { attachments }),
      actor: context.deps.actor,
    },
  ).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'INVALID_INPUT' && error.details.fields !== undefined) {
      const fields = Object.entries(error.details.fields).map(([k, v]) => `  ${k}：${v}`);
      throw new DomainError('INVALID_INPUT', `${error.message}\n${fields.join('\n')}`, error.details);
    }
    throw error;
  });
  context.out(
    values.json === true
      ? json(created)
      : `已登记：受理编号 ${created.caseCode}，查询码 ${created.verificationCode}（请告知申请人，仅显示一次），收到日期 ${created.received}，答复期限 ${created.due ?? '—'}${attachments.length === 0 ? '' : `，附件 ${attachments.length} 个`}\n`,
  );
  return EXIT.ok;
}

async function showCommand(args: readonly string[], context: CommandContext, access?: CaseAccess): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) {
    throw new UsageError('用法：gongkai case show CODE [--json]');
  }
  await requireCaseAccess(context, access, positionals[0]!, 'read');
  const detail = await getCase(caseDeps(context), { caseCode: positionals[0]! });
  context.out(values.json === true ? json(detail) : caseText(detail));
  return EXIT.ok;
}

async function listCommand(args: readonly string[], context: CommandContext, access?: CaseAccess): Promise<number> {
  const { values } = parse(args, {
    agency: { type: 'string' },
    state: { type: 'string' },
    open: { type: 'boolean' },
    closed: { type: 'boolean' },
    'due-by': { type: 'string' },
    officer: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  });
  if (typeof values.agency !== 'string') {
    throw new UsageError('请用 --agency 指定机关');
  }
  const agencySlug = values.agency;
  await access?.require(agencySlug, 'read');
  const number = (v: string | undefined, name: string) => {
    if (v === undefined) {
      return undefined;
    }
    if (!/^\d{1,6}$/.test(v)) {
      throw new UsageError(`--${name} 应为非负整数`);
    }
    return Number(v);
  };
  const limit = number(values.limit, 'limit');
  const offset = number(values.offset, 'offset');
  const result = await (async () => {
    const deps = caseDeps(context);
    const agency = await deps.cases.findAgency(agencySlug);
    if (agency === null) {
      throw new DomainError('NOT_FOUND', `未找到机关“${agencySlug}”`);
    }
    return listCases(deps, {
      agencyIds: [agency.id],
      ...(values.state === undefined ? {} : { status: values.state }),
      ...(values.open === true ? { open: true } : values.closed === true ? { open: false } : {}),
      ...(values['due-by'] === undefined ? {} : { dueBy: values['due-by'] }),
      ...(values.officer === undefined ? {} : { officer: values.officer }),
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    });
  })();
  if (values.json === true) {
    context.out(json(result));
  } else {
    context.out(
      `${result.items.map(caseLine).join('\n')}${result.items.length > 0 ? '\n' : ''}共 ${result.total} 件（显示 ${result.items.length} 件）\n`,
    );
  }
  return EXIT.ok;
}

async function assignCommand(
  sub: 'assign' | 'unassign',
  args: readonly string[],
  context: CommandContext,
  access?: CaseAccess,
): Promise<number> {
  const { values, positionals } = parse(args, sub === 'assign' ? { officer: { type: 'string' } } : {});
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  const officer = sub === 'assign' ? (values as { officer?: unknown }).officer : null;
  if (positionals.length !== 1 || (sub === 'assign' && typeof officer !== 'string')) {
    throw new UsageError(
      sub === 'assign' ? '用法：gongkai case assign CODE --officer 用户名 [--json]' : '用法：gongkai case unassign CODE [--json]',
    );
  }
  const caseCode = positionals[0]!;
  await requireCaseAccess(context, access, caseCode, 'write');
  const result = await assignCaseOfficer(caseDeps(context), { caseCode, officer: officer as string | null, actor: context.deps.actor });
  if (values.json === true) {
    context.out(json(result));
  } else if (!result.changed) {
    context.out(
      officer === null ? `案件 ${caseCode} 本来就没有承办人，未作更改\n` : `${officer} 已是案件 ${caseCode} 的承办人，未作更改\n`,
    );
  } else {
    context.out(officer === null ? `已取消案件 ${caseCode} 的承办人\n` : `已指定 ${officer} 为案件 ${caseCode} 的承办人\n`);
  }
  return EXIT.ok;
}

const NUMBER_FIELDS = new Set(['workingDays', 'periodWorkingDays', 'atMinutes']);

async function eventCommand(args: readonly string[], context: CommandContext, access?: CaseAccess): Promise<number> {
  // Event arguments are open-ended: every --kebab-name VALUE becomes camelName in the event JSON.
  const positionals: string[] = [];
  const fields: Record<string, unknown> = {};
  let asJson = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--json') {
      asJson = true;
    } else if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`${arg} 缺少值`);
      }
      const key = arg.slice(2).replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase());
      fields[key] = NUMBER_FIELDS.has(key) && /^\d+$/.test(value) ? Number(value) : value;
      i += 1;
    } else {
      positionals.push(arg);
    }
  }
  if (positionals.length !== 2) {
    throw new UsageError('用法：gongkai case event CODE TYPE --date YYYY-MM-DD [参数…]');
  }
  const [caseCode, type] = positionals as [string, string];
  await requireCaseAccess(context, access, caseCode, 'write');
  const detail = await recordCaseEvent(caseDeps(context), { caseCode, event: { type, ...fields }, actor: context.deps.actor });
  context.out(asJson ? json(detail) : caseText(detail));
  return EXIT.ok;
}

async function appealCommand(args: readonly string[], context: CommandContext, access?: CaseAccess): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(rest, {
    agency: { type: 'string' },
    kind: { type: 'string' },
    filed: { type: 'string' },
    case: { type: 'string' },
    reference: { type: 'string' },
    date: { type: 'string' },
    decision: { type: 'string' },
  });
  if (typeof values.agency !== 'string') {
    throw new UsageError('请用 --agency 指定机关');
  }
  await access?.require(values.agency, 'write');
  if (action === 'add' && positionals.length === 0) {
    const { id } = await recordAppeal(caseDeps(context), {
      agencySlug: values.agency,
      kind: values.kind,
      filedOn: values.filed,
      ...(values.case === undefined ? {} : { caseCode: values.case }),
      ...(values.reference === undefined ? {} : { reference: values.reference }),
      actor: context.deps.actor,
    });
    context.out(values.json === true ? json({ id }) : `已登记复议/诉讼案件 ${id}\n`);
    return EXIT.ok;
  }
  if (action === 'decide' && positionals.length === 1 && /^\d{1,12}$/.test(positionals[0]!)) {
    const id = Number(positionals[0]);
    await decideAppeal(caseDeps(context), {
      agencySlug: values.agency,
      id,
      decidedOn: values.date,
      decision: values.decision,
      actor: context.deps.actor,
    });
    context.out(values.json === true ? json({ id, decided: true }) : `已登记复议/诉讼案件 ${id} 的结果\n`);
    return EXIT.ok;
  }
  throw new UsageError(
    '用法：gongkai case appeal add --agency SLUG --kind 类型 --filed YYYY-MM-DD | gongkai case appeal decide --agency SLUG ID --date YYYY-MM-DD --decision 结果',
  );
}
