// The spec's reply-clock vectors' reference explanations (test-vectors.json `dueDates`), as the clock
// tests compare them, shared by the core and CLI tests.

/** True when `needles` appear in `haystack` in the same order (other lines may come between). */
export function isSubsequence(needles: readonly string[], haystack: readonly string[]): boolean {
  let at = 0;
  for (const line of haystack) {
    if (line === needles[at]) {
      at += 1;
    }
  }
  return at === needles.length;
}

const UNRECORDED_EXTENSION = /^(\d{4}-\d{2}-\d{2}) 经政府信息公开工作机构负责人同意并告知申请人，延期 (\d+) 个工作日（第三十三条）$/;

/**
 * The reference steps a clock explanation must contain, in order. One deliberate deviation (issue #7,
 * docs/statutory-clock.md §4): the vectors' extension line says 经负责人同意并告知申请人 although their
 * inputs record neither approver nor notice; the clock states only what is recorded, so for an extension
 * without `approvedBy` and `noticeSentOn` the expected line says that both are unrecorded.
 */
export function expectedReferenceSteps(explanation: readonly string[], input: { extension?: object }): string[] {
  const extension = input.extension as { approvedBy?: string; noticeSentOn?: string } | undefined;
  const unrecorded = extension !== undefined && extension.approvedBy === undefined && extension.noticeSentOn === undefined;
  return explanation.map((line) => {
    const match = unrecorded ? UNRECORDED_EXTENSION.exec(line) : null;
    return match === null ? line : `${match[1]} 批准，延期 ${match[2]} 个工作日（第三十三条）；未记录负责人同意（批准人）、告知申请人日期`;
  });
}
