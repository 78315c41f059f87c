/**
 * Plural forms by the language's own rules (Intl.PluralRules: English has two, French two with
 * 0 and 1 together, Arabic six), with the count printed by the edition's locale (its digits).
 * `{count}` in a form is replaced by the formatted number.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  let number = numbers.get(locale);
  if (!number) numbers.set(locale, (number = new Intl.NumberFormat(locale)));
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replaceAll('{count}', number.format(count));
}
