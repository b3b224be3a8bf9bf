import { Fragment } from "preact";
import { useMemo } from "preact/hooks";
import type { Dcd, Field, Issue, Locale, Section } from "../../../shared-schema/src/dcd.ts";
import type { FormDcd } from "../form/form-dcd.ts";
import {
  type FormValue,
  type FormValues,
  type RepeatRow,
  userFields,
} from "../form/form-values.ts";
import type { FormView } from "../form/relevant-record.ts";
import { FieldControl } from "./field-control.tsx";
import { RepeatField } from "./repeat-field.tsx";
import { ReportProposals } from "./report-proposals.tsx";

export interface DcdFormProps {
  dcd: FormDcd;
  locale: Locale;
  values: FormValues;
  /** What the form asks now (relevantRecord of `values`). */
  view: FormView;
  issuesOf(path: string): Issue[];
  /** Where a prefilled value was read, in words. */
  sourceOf(name: string): string | undefined;
  /** The operative report the page shows, when the page reader found one: it proposes values. */
  report?: string;
  onChange(name: string, value: FormValue): void;
  onBlur(name: string): void;
}

interface Group {
  section?: Section;
  fields: Field[];
}

/** The DCD's fields in form order: those without a section first, then section by section. */
function groupsOf(dcd: Dcd): Group[] {
  const fields = userFields(dcd);
  return [
    { fields: fields.filter((field) => field.section === undefined) },
    ...(dcd.sections ?? []).map((section) => ({
      section,
      fields: fields.filter((field) => field.section === section.name),
    })),
  ];
}

/** The registration form as the DCD defines it: what is not asked now is not shown. */
export function DcdForm(props: DcdFormProps) {
  const { dcd, locale, values, view } = props;
  const groups = useMemo(() => groupsOf(dcd.compiled.dcd), [dcd]);
  const calculated = useMemo(() => dcd.compiled.calculate(view.record), [dcd, view.record]);
  // What conditions read: the record and its calculations, as the validator sees them.
  const scope = useMemo(() => ({ ...view.record, ...calculated }), [view.record, calculated]);

  const render = (field: Field) => {
    const onBlur = () => props.onBlur(field.name);
    if (field.type === "repeat") {
      return (
        <RepeatField
          key={field.name}
          dcd={dcd}
          field={field}
          locale={locale}
          rows={(values[field.name] as RepeatRow[] | undefined) ?? []}
          view={view}
          scope={scope}
          required={dcd.isRequired(field, scope)}
          onChange={(rows) => props.onChange(field.name, rows)}
          issuesOf={props.issuesOf}
          onBlur={onBlur}
        />
      );
    }
    const source = props.sourceOf(field.name);
    const filtered = field.type === "code" || field.type === "multi";
    return (
      <FieldControl
        key={field.name}
        dcd={dcd.compiled.dcd}
        field={field}
        locale={locale}
        name={field.name}
        value={values[field.name]}
        required={dcd.isRequired(field, scope)}
        {...(filtered ? { choices: dcd.compiled.choicesFor(field.name, view.record) } : {})}
        computed={calculated[field.name]}
        onChange={(value) => props.onChange(field.name, value)}
        onBlur={onBlur}
        issues={props.issuesOf(field.name)}
        {...(source ? { source } : {})}
      />
    );
  };

  return (
    <>
      {props.report ? (
        <ReportProposals
          dcd={dcd.compiled.dcd}
          locale={locale}
          report={props.report}
          values={values}
          onChange={props.onChange}
        />
      ) : null}
      {groups.map(({ section, fields }) => {
        if (section && !view.relevance.section(section.name)) return null;
        const shown = fields.filter((field) => view.relevance.field(field.name));
        if (shown.length === 0) return null;
        return (
          <Fragment key={section?.name ?? ""}>
            {section ? <h3 class="section">{section.label[locale]}</h3> : null}
            {shown.map(render)}
          </Fragment>
        );
      })}
    </>
  );
}
