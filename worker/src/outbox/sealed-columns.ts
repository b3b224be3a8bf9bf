// Where the outbox keeps sealed values, and the additional data that binds each value to its
// row and role (record-cipher.ts): a ciphertext copied onto another row, or into another
// column, does not decrypt. One list, so re-sealing after a key rotation misses none.

export const SEALED_COLUMNS = [
  {
    table: "registrations",
    column: "record_sealed",
    key: "id",
    aad: (id: string) => `record:${id}`,
  },
  {
    table: "registrations",
    column: "business_key_sealed",
    key: "id",
    aad: (id: string) => `business-key:${id}`,
  },
  {
    table: "registrations",
    column: "error_detail_sealed",
    key: "id",
    aad: (id: string) => `error-detail:${id}`,
  },
  {
    table: "delivered_keys",
    column: "business_key_sealed",
    key: "business_key_hash",
    aad: (hash: string) => `delivered-key:${hash}`,
  },
] as const;

export const [RECORD, REGISTRATION_KEY, ERROR_DETAIL, DELIVERED_KEY] = SEALED_COLUMNS;

export type SealedColumn = (typeof SEALED_COLUMNS)[number];
