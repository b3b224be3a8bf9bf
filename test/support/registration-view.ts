import type { RegistrationView } from "../../shared-schema/src/api/api-schemas.ts";

/** A reply of GET /v1/registrations/{id} as the worker writes it (api-schemas.ts). */
export function registrationView(overrides: Partial<RegistrationView> = {}): RegistrationView {
  const at = "2026-03-03T09:30:00.000Z";
  return {
    id: "w1",
    state: "queued",
    status: "submit",
    attempts: 0,
    history: [{ at, event: "queued" }],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
