// A registration as the outbox shows it: its state, the registry's business key and HD4DP's
// words about a rejection (opened for the one hospital that owns them), the error as a code,
// and its history.

import type { RecordCipher } from "../crypto/record-cipher.ts";
import type { DeliveryErrorParams } from "./next-delivery-state.ts";
import type { Row } from "./outbox-row.ts";
import type { RegistrationRecordView } from "./outbox-views.ts";
import { ERROR_DETAIL, REGISTRATION_KEY, type SealedColumn } from "./sealed-columns.ts";

export async function registrationView(
  sql: SqlStorage,
  row: Row,
  cipher: RecordCipher,
): Promise<RegistrationRecordView> {
  const open = async (column: SealedColumn, value: ArrayBuffer | null) => {
    if (value === null) return undefined;
    try {
      return await openString(cipher, column.aad(row.id), value);
    } catch {
      // A key not configured any more: the rest of the view still holds.
      return undefined;
    }
  };
  const businessKey = await open(REGISTRATION_KEY, row.business_key_sealed);
  const detail = await open(ERROR_DETAIL, row.error_detail_sealed);
  const history = sql
    .exec<{ at: number; event: string }>(
      "SELECT at, event FROM registration_events WHERE registration_id = ? ORDER BY at, rowid",
      row.id,
    )
    .toArray();
  return {
    id: row.id,
    state: row.state,
    status: row.draft === 1 ? "draft" : "submit",
    ...(businessKey ? { businessKey } : {}),
    ...(row.registration_code ? { registrationCode: row.registration_code } : {}),
    attempts: row.attempts,
    ...(row.error_code
      ? {
          error: {
            code: row.error_code,
            params: parseParams(row.error_params),
            ...(detail === undefined ? {} : { detail }),
          },
        }
      : {}),
    history: history.map((e) => ({ at: new Date(e.at).toISOString(), event: e.event })),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function openString(
  cipher: RecordCipher,
  aad: string,
  sealed: ArrayBuffer,
): Promise<string> {
  const value = await cipher.open(aad, sealed);
  if (typeof value !== "string") throw new TypeError("sealed value is not a string");
  return value;
}

export function parseParams(text: string | null): DeliveryErrorParams {
  if (text === null) return {};
  try {
    return JSON.parse(text) as DeliveryErrorParams;
  } catch {
    return {};
  }
}
