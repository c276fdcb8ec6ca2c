// The spec's fee vectors (test-vectors.json `fees`, amounts in 元), typed once for the core and CLI tests.
import vectors from '#test/fixtures/test-vectors.json' with { type: 'json' };

export interface FeeVector {
  readonly id: string;
  readonly kind: string;
  readonly input: {
    readonly ordinalInMonth?: number;
    readonly applicationsInMonth?: number;
    readonly pages?: number;
    readonly receipts?: readonly string[];
  };
  readonly expected: {
    readonly feeYuan?: number;
    readonly totalYuan?: number;
    readonly applications?: readonly { readonly receivedOn: string; readonly ordinalInMonth: number; readonly feeYuan: number }[];
  };
}

export const FEE_VECTORS = vectors.fees as readonly FeeVector[];
