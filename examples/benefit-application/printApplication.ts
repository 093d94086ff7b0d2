import type { BenefitApplicationForm, FormPerson } from './prefillApplication';

const EMPTY = '(to be filled in)';

/** The pre-filled form as plain text, the way the applicant would review it. */
export function printApplication(form: BenefitApplicationForm): string {
  const person = ({ name, nationalId, dateOfBirth }: FormPerson) =>
    `${name || EMPTY}, ${nationalId ?? EMPTY}, born ${dateOfBirth ?? EMPTY}`;
  const address = form.address
    ? `${form.address.street}, ${form.address.postalCode} ${form.address.city} (${form.address.municipality})`
    : EMPTY;
  const lines = [
    `Benefit application, case ${form.caseId}`,
    '',
    `Applicant:  ${person(form.applicant)}`,
    `Address:    ${address}`,
    '',
    'Household:',
    ...listOr(form.household.map((member) => `  ${person(member)}`)),
    '',
    'Taxable income:',
    ...listOr(
      form.income.map(
        ({ year, taxableIncome }) => `  ${year}  ${taxableIncome.toLocaleString('en')} EUR`,
      ),
    ),
    '',
    'Benefits already received:',
    ...listOr(
      form.currentBenefits.map(
        ({ benefit, status, monthlyAmount, since }) =>
          `  ${benefit} (${status ?? 'status unknown'}), ${monthlyAmount ?? '?'} EUR a month since ${since ?? '?'}`,
      ),
    ),
  ];
  if (form.withheld.length > 0)
    lines.push(
      '',
      'Not pre-filled:',
      ...form.withheld.map(({ field, reason }) => `  ${field}: ${reason}`),
    );
  lines.push('', `Released under: ${form.agreements.join(', ') || 'no agreement'}`);
  return `${lines.join('\n')}\n`;
}

function listOr(lines: string[]): string[] {
  return lines.length > 0 ? lines : ['  none'];
}
