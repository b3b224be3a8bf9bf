import { useEffect, useRef } from "preact/hooks";

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal confirmation inside the overlay: focus on the safe choice, Escape cancels, Tab stays in. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      // Only the dialog: the panel around it also closes on Escape, and Preact re-renders
      // between the two listeners, so it would no longer know a dialog was open.
      event.preventDefault();
      event.stopPropagation();
      props.onCancel();
    } else if (event.key === "Tab") {
      // Two buttons: keep the focus between them while the dialog is open.
      event.preventDefault();
      const root = cancel.current?.getRootNode() as ShadowRoot | Document | undefined;
      (root?.activeElement === cancel.current ? confirm : cancel).current?.focus();
    }
  };
  return (
    <div class="backdrop">
      <div
        class="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        onKeyDown={onKeyDown}
      >
        <h3 id="confirm-title">{props.title}</h3>
        <p id="confirm-body">{props.body}</p>
        <div class="actions">
          <button ref={cancel} type="button" class="secondary" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button ref={confirm} type="button" class="danger" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
