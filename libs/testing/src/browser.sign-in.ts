import type { Page } from 'playwright-core';

/**
 * Signs a person in through the console's own sign-in form (inputs username and password, the
 * submit button) and waits for the shell that follows.
 */
export async function signIn(page: Page, url: string, person: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.locator('input[name=username]').fill(person.username);
  await page.locator('input[name=password]').fill(person.password);
  await page.locator('form button[type=submit]').click();
  await page.locator('.shell').waitFor();
}
