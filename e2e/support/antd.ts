import { expect, type Page } from '@playwright/test';

/**
 * Chooses an entry of the open antd Select dropdown by its visible text (its title), and waits until the dropdown
 * has closed (the next picker's dropdown may list the same person). A click that lands while a filtered list
 * re-renders is lost on a loaded machine: it clicks again until the choice is taken.
 */
export async function pickOption(page: Page, text: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.getByTitle(text, { exact: true });
  await expect(option).toBeVisible();
  await expect(async () => {
    if ((await dropdown.count()) > 0) {
      await option.click({ timeout: 2_000 });
    }
    await expect(dropdown).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
