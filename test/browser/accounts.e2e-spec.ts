import {
  AdminPage,
  AdminSuite,
  api,
  openAdmin,
  SESSION_STORAGE_KEY,
  signIn,
  startAdminSuite,
  stopAdminSuite,
  tableRows,
} from '../support/admin-ui';

/** Signing in and out, one-time passwords, roles in the UI, personal tokens and user management, in Chromium. */

let suite: AdminSuite;
let ui: AdminPage | undefined;
beforeAll(async () => {
  suite = await startAdminSuite();
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(() => stopAdminSuite(suite));

const sessionTokenIn = async (page: AdminPage['page']) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { token?: string } | null)?.token ?? null,
    SESSION_STORAGE_KEY,
  );
const meWith = (token: string) => api(suite, 'anonymous').get('/api/auth/me').set('Authorization', `Bearer ${token}`);

/** Invites an account through the API (as the admin) and returns it with its one-time password. */
async function invite(role: 'viewer' | 'editor' | 'admin', name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
  const res = await api(suite, 'admin').post('/api/users').send({ email, displayName: name, role }).expect(201);
  return { id: res.body.id as number, email, displayName: name, password: res.body.oneTimePassword as string };
}

it('refuses a wrong password in the form, signs in with the right one, and signs out (revoking the session)', async () => {
  const viewer = suite.app.users.viewer;
  ui = await openAdmin(suite, '/statements', { as: null });
  const { page } = ui;
  // Signed out, any page leads to the login form.
  await page.waitForURL(/\/login$/);

  await signInExpectingRefusal(page, viewer.email, `${viewer.password}-wrong`);
  expect(await page.getByTestId('login-error').innerText()).toBe('Wrong email or password.');
  expect(await sessionTokenIn(page)).toBeNull();

  await signIn(page, viewer);
  // Back where the visit started, as the viewer, named in the app bar.
  await page.waitForURL(/\/statements/);
  // The user menu's button is named by the name it shows.
  const userMenu = page.getByRole('button', { name: `${viewer.displayName}: account` });
  await userMenu.filter({ hasText: viewer.displayName }).waitFor();
  const token = await sessionTokenIn(page);
  expect(token).toBeTruthy();
  expect((await meWith(token!).expect(200)).body.user.email).toBe(viewer.email);

  await userMenu.click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await page.waitForURL(/\/login$/);
  expect(await sessionTokenIn(page)).toBeNull();
  await meWith(token!).expect(401);
  await page.goto('/statements');
  await page.waitForURL(/\/login$/);
  expect(ui.problems).toEqual([]);
});

it('goes back to the login page when the session ends, and returns to the page after signing in again', async () => {
  const viewer = suite.app.users.viewer;
  const session = (
    await api(suite, 'anonymous').post('/api/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200)
  ).body;
  ui = await openAdmin(suite, '/actors', { token: session.token });
  const { page } = ui;
  await tableRows(page).first().waitFor();
  // Signed out elsewhere (or expired, or the account deactivated): the next request is a 401.
  await api(suite, 'anonymous').post('/api/auth/logout').set('Authorization', `Bearer ${session.token}`).expect(204);
  await page.getByRole('menuitem', { name: 'Sources' }).click();
  await page.waitForURL(/\/login$/);
  await page.getByText('Your session has ended. Please sign in again.').waitFor();
  await signIn(page, viewer);
  await page.waitForURL(/\/sources$/);
  expect(ui.problems).toEqual([]);
});

it('says how long to wait after too many failed attempts', async () => {
  const unlucky = await invite('viewer', 'Una Lucky');
  for (let attempt = 0; attempt < 5; attempt++) {
    await api(suite, 'anonymous')
      .post('/api/auth/login')
      .send({ email: unlucky.email, password: `wrong-password-${attempt}` })
      .expect(401);
  }
  ui = await openAdmin(suite, '/login', { as: null });
  await signInExpectingRefusal(ui.page, unlucky.email, unlucky.password);
  expect(await ui.page.getByTestId('login-error').innerText()).toMatch(/^Too many failed attempts\. Try again in 1[45] minutes\.$/);
  expect(ui.problems).toEqual([]);
});

async function signInExpectingRefusal(page: AdminPage['page'], email: string, password: string) {
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('login-error').waitFor();
}

it('makes a new account choose its own password before anything else', async () => {
  const newcomer = await invite('editor', 'Nina Newcomer');
  ui = await openAdmin(suite, '/login', { as: null });
  const { page } = ui;
  await signIn(page, newcomer);
  await page.waitForURL(/\/change-password$/);
  await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();

  // Nothing else is reachable meanwhile.
  await page.goto('/statements');
  await page.waitForURL(/\/change-password$/);

  const chosen = 'a long passphrase of her own';
  await page.getByLabel(/^One-time password/).fill(newcomer.password);
  await page.locator('input[name="newPassword"]').fill(chosen);
  await page.locator('input[name="confirmPassword"]').fill(chosen);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL((url) => url.pathname !== '/change-password');
  await page.getByRole('menuitem', { name: 'Statements' }).waitFor();

  const login = await api(suite, 'anonymous').post('/api/auth/login').send({ email: newcomer.email, password: chosen }).expect(200);
  expect(login.body.user.mustChangePassword).toBe(false);
  expect(ui.problems).toEqual([]);
});

it('shows a viewer no way to create, edit, delete or restore, and no Users or Trash', async () => {
  const [statement] = (await api(suite, 'viewer').get('/api/statements?_end=1').expect(200)).body;
  ui = await openAdmin(suite, '/statements', { as: 'viewer' });
  const { page } = ui;
  await tableRows(page).first().waitFor();
  await page.getByRole('menuitem', { name: 'Activity' }).waitFor();
  expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
  expect(await page.getByRole('menuitem', { name: 'Trash' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
  // No row checkboxes, hence no bulk "Move to trash".
  expect(await page.locator('table input[type="checkbox"]').count()).toBe(0);

  await page.goto(`/statements/${statement.id}/show`);
  await page.getByRole('heading', { name: statement.headline, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Timeline' }).first().waitFor();
  expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Record a reply' }).count()).toBe(0);
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('region', { name: 'History' }).waitFor();
  expect(await page.getByRole('button', { name: 'Restore this version' }).count()).toBe(0);

  // The activity feed has no account changes for a viewer, and no filter for them.
  await page.goto('/revisions');
  const filters = page.getByRole('complementary', { name: 'Filters' });
  await filters.getByText('Statements', { exact: true }).waitFor();
  expect(await filters.getByText('Accounts', { exact: true }).count()).toBe(0);
  expect(await filters.getByText('API tokens', { exact: true }).count()).toBe(0);

  // The edit page itself is refused, not merely hidden.
  await page.goto(`/statements/${statement.id}`);
  await page.waitForURL(/\/access-denied$/);
  await page.getByText('Access denied').first().waitFor();
  expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
  expect(ui.problems).toEqual([]);
});

it('lets an editor edit statements but not stances, and shows no Users or Trash', async () => {
  const [stance] = (await api(suite, 'editor').get('/api/stances?_end=1').expect(200)).body;
  ui = await openAdmin(suite, '/stances', { as: 'editor' });
  const { page } = ui;
  await tableRows(page).first().waitFor();
  expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
  expect(await page.locator('table input[type="checkbox"]').count()).toBe(0);
  expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
  expect(await page.getByRole('menuitem', { name: 'Trash' }).count()).toBe(0);
  await page.goto(`/stances/${stance.id}/show`);
  await page.getByTestId('last-changed').waitFor();
  expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);

  await page.goto('/statements');
  await tableRows(page).first().waitFor();
  await page.getByRole('link', { name: 'Create' }).waitFor();
  expect(await page.locator('table input[type="checkbox"]').count()).toBeGreaterThan(0);
  expect(ui.problems).toEqual([]);
});

it('creates a personal API token, shows it once, and revokes it', async () => {
  ui = await openAdmin(suite, '/account', { as: 'viewer' });
  const { page } = ui;
  await page.getByRole('heading', { name: suite.app.users.viewer.displayName, level: 1 }).waitFor();
  await page.getByRole('textbox', { name: /^Token name/ }).fill('R scripts');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByTestId('one-time-secret');
  await secret.waitFor();
  const token = await secret.inputValue();
  // It works, with read rights.
  const credential = (await meWith(token).expect(200)).body.token;
  expect(credential).toMatchObject({ kind: 'personal', scope: 'read' });
  // Left empty, its life is 90 days, and the dialog says until when (not "until revoked").
  expect((new Date(credential.expiresAt).getTime() - Date.now()) / 86_400_000).toBeGreaterThan(89.9);
  await page
    .getByRole('dialog')
    .getByText(/valid until (?!revoked)/)
    .waitFor();
  await page.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId('personal-token').filter({ hasText: 'R scripts' });
  await row.waitFor();
  expect(await page.getByText(token).count()).toBe(0); // never shown again
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await row.waitFor({ state: 'detached' });
  await meWith(token).expect(401);
  expect(ui.problems).toEqual([]);
});

it('lets an admin invite a user, change their role, and deactivate them', async () => {
  ui = await openAdmin(suite, '/users', { as: 'admin' });
  const { page } = ui;
  await tableRows(page).first().waitFor();
  await page.getByRole('link', { name: 'Invite' }).click();
  await page.getByRole('textbox', { name: /^Email/ }).fill('ivan.invited@example.org');
  await page.getByRole('textbox', { name: /^Name/ }).fill('Ivan Invited');
  await page.getByRole('radio', { name: /^viewer/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  const secret = page.getByTestId('one-time-secret');
  await secret.waitFor();
  const oneTimePassword = await secret.inputValue();
  const login = await api(suite, 'anonymous')
    .post('/api/auth/login')
    .send({ email: 'ivan.invited@example.org', password: oneTimePassword })
    .expect(200);
  expect(login.body.user).toMatchObject({ displayName: 'Ivan Invited', role: 'viewer', mustChangePassword: true });
  await page.getByRole('button', { name: 'Done' }).click();

  // The edit page: promote, then deactivate.
  await page.waitForURL(new RegExp(`/users/${login.body.user.id}$`));
  await page.getByRole('radio', { name: /^editor/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/users(\?|$)/);
  const row = tableRows(page).filter({ hasText: 'ivan.invited@example.org' });
  expect(await row.innerText()).toContain('editor');
  await row.click();
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await page.getByText('This account is deactivated').waitFor();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const stored = (await api(suite, 'admin').get(`/api/users/${login.body.user.id}`).expect(200)).body;
  expect(stored).toMatchObject({ role: 'editor', active: false });
  await meWith(login.body.token).expect(401);

  // Back, with a new one-time password (the old one stops working).
  await page.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
  await page.getByText('This account is deactivated').waitFor({ state: 'detached' });
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Reset password' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
  const reset = page.getByTestId('one-time-secret');
  await reset.waitFor();
  const newPassword = await reset.inputValue();
  expect(newPassword).not.toBe(oneTimePassword);
  await api(suite, 'anonymous').post('/api/auth/login').send({ email: 'ivan.invited@example.org', password: oneTimePassword }).expect(401);
  const again = await api(suite, 'anonymous')
    .post('/api/auth/login')
    .send({ email: 'ivan.invited@example.org', password: newPassword })
    .expect(200);
  expect(again.body.user).toMatchObject({ active: true, mustChangePassword: true });

  // Each change is in the account's history, in the activity feed (the admin's; no secret in it).
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Account history' }).click();
  await page.waitForURL((url) => decodeURIComponent(url.search).includes('"resource":"users"'));
  const admin = suite.app.users.admin.displayName;
  const promotion = tableRows(page).filter({ hasText: 'role: viewer → editor' });
  await promotion.waitFor();
  expect(await promotion.innerText()).toMatch(new RegExp(`${admin}[\\s\\S]*changed[\\s\\S]*Account: Ivan Invited`));
  const resetRow = tableRows(page).filter({ hasText: 'password reset' });
  await resetRow.click();
  await page
    .getByTestId('account-change')
    .filter({ hasText: `${admin} reset Ivan Invited’s password` })
    .waitFor();
  for (const phrase of ['invited as viewer', 'deactivated', 'reactivated']) await tableRows(page).filter({ hasText: phrase }).waitFor();
  expect(await tableRows(page).count()).toBe(5);
  expect(await page.locator('body').innerText()).not.toContain(newPassword);
  await page.getByRole('complementary', { name: 'Filters' }).getByText('Accounts', { exact: true }).waitFor();
  expect(ui.problems).toEqual([]);
});

it('shows an admin when a one-time password expires, and that it has', async () => {
  const pending = await invite('viewer', 'Paula Pending');
  const lapsed = await invite('viewer', 'Larry Lapsed');
  await suite.app.dataSource.query(`UPDATE users SET one_time_password_expires_at = now() - interval '1 hour' WHERE id = $1`, [lapsed.id]);
  ui = await openAdmin(suite, '/users', { as: 'admin' });
  const { page } = ui;
  const pendingRow = tableRows(page).filter({ hasText: pending.email });
  await pendingRow.waitFor();
  await pendingRow
    .getByTitle(/^Has not chosen a password yet; expires /)
    .getByText('one-time password', { exact: true })
    .waitFor();
  const lapsedRow = tableRows(page).filter({ hasText: lapsed.email });
  await lapsedRow.getByText('one-time password expired').waitFor();

  await lapsedRow.click();
  await page.getByText(/Their one-time password expired .*: it no longer signs in\. Reset the password/).waitFor();
  await page.goto(`/users/${pending.id}`);
  await page.getByText(/Has not yet replaced their one-time password \(it expires .*\)\./).waitFor();
  expect(ui.problems).toEqual([]);
});
