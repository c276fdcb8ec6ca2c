// What a reply letter says for each outcome code: the decision (outcomeText) and the legal basis it
// cites (legalBasis), statute.md §4 "Legal basis the reply letter cites". Default wording, not law:
// agencies change it through their own templates (the basis of outcome.not_processed.reissue and
// outcome.other.other is a convention — configurable, statute.md §4).

import type { OutcomeCode } from '#core/cases/outcome-codes.ts';

const 条例 = '《中华人民共和国政府信息公开条例》';

export interface OutcomeWording {
  /** The decision as one or two sentences of the letter body. */
  readonly outcomeText: string;
  /** The provisions cited, e.g. `《中华人民共和国政府信息公开条例》第三十六条第（二）项`. */
  readonly legalBasis: string;
}

const w = (outcomeText: string, legalBasis: string): OutcomeWording => ({ outcomeText, legalBasis });
const withheld = (reason: string, basis: string): OutcomeWording =>
  w(`您申请获取的政府信息${reason}，本机关决定不予公开。`, `${条例}${basis}、第三十六条第（三）项`);

/** Default wording per outcome code (the 21 leaf rows of table 三, 2021). */
export const OUTCOME_WORDING: Readonly<Record<OutcomeCode, OutcomeWording>> = {
  'outcome.disclosed': w('您申请获取的政府信息属于公开范围，本机关决定予以公开。', `${条例}第三十六条第（二）项`),
  'outcome.partial': w(
    '您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定公开其中可以公开的部分，对不应当公开的部分不予公开并说明理由。',
    `${条例}第三十七条`,
  ),
  'outcome.withheld.state_secret': withheld('属于依法确定为国家秘密的政府信息', '第十四条'),
  'outcome.withheld.prohibited_by_law': withheld('属于法律、行政法规禁止公开的政府信息', '第十四条'),
  'outcome.withheld.security_stability': withheld('公开后可能危及国家安全、公共安全、经济安全、社会稳定', '第十四条'),
  'outcome.withheld.third_party': withheld('涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害', '第十五条'),
  'outcome.withheld.internal_affairs': withheld('属于人事管理、后勤管理、内部工作流程等方面的内部事务信息', '第十六条第一款'),
  'outcome.withheld.process_info': withheld(
    '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    '第十六条第二款',
  ),
  'outcome.withheld.enforcement_file': withheld('属于行政执法案卷信息', '第十六条第二款'),
  'outcome.withheld.inquiry_matter': w(
    '您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请按照有关法律、行政法规的规定办理。',
    `${条例}第三十六条第（七）项`,
  ),
  'outcome.unavailable.not_held': w('经检索，本机关未制作或者获取您申请获取的政府信息，该政府信息不存在。', `${条例}第三十六条第（四）项`),
  'outcome.unavailable.needs_creation': w(
    '您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。',
    `${条例}第三十八条`,
  ),
  'outcome.unavailable.unclear_after_correction': w(
    '您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。',
    `${条例}第三十条`,
  ),
  'outcome.not_processed.petition_complaint': w(
    '您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。',
    `${条例}第三十九条第一款`,
  ),
  'outcome.not_processed.repeat': w(
    '您提出的申请与此前已答复的申请内容相同，属于重复申请，本机关不予重复处理。',
    `${条例}第三十六条第（六）项`,
  ),
  'outcome.not_processed.publication': w(
    '您要求提供的信息属于公开出版物，本机关不予处理，您可以通过公开出版物的发行渠道获取。',
    `${条例}第三十九条第二款`,
  ),
  'outcome.not_processed.excessive': w(
    '您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为理由不合理，决定不予处理。',
    `${条例}第三十五条`,
  ),
  'outcome.not_processed.reissue': w(
    '您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。',
    `${条例}第二条、第三十六条`,
  ),
  'outcome.other.no_correction': w(
    '本机关已向您发出补正通知，您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请。',
    `${条例}第三十条`,
  ),
  'outcome.other.fee_unpaid': w(
    '本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理您的政府信息公开申请。',
    '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  ),
  'outcome.other.other': w('本机关对您的政府信息公开申请作如下处理。', `${条例}第三十六条`),
};
