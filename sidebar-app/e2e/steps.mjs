// What an agent does in the sidebar, shared by the browser scenarios (run.mjs, ledger.mjs).

/**
 * Asks for triage, picks another priority than the suggested one and applies it: the preview's ticket takes the new
 * priority. `beforeApply` runs with the choice made (a screenshot). Returns the suggested and the chosen priority.
 */
export async function overrideTriagePriority({ page, sidebar }, beforeApply = async () => {}) {
  await sidebar.getByRole('button', { name: 'Suggest triage' }).click();
  const chips = sidebar.getByRole('group', { name: 'Triage suggestion' });
  await chips.waitFor({ timeout: 30_000 });
  const suggested = await chips.getByLabel('Priority').inputValue();
  const other = suggested === 'urgent' ? 'low' : 'urgent';
  await chips.getByLabel('Priority').selectOption(other);
  await beforeApply();
  await sidebar.getByRole('button', { name: 'Apply to ticket' }).click();
  await page.getByLabel('Ticket fields').filter({ hasText: `Priority: ${other}` }).waitFor();
  return { chips, suggested, other };
}
