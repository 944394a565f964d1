// The pages that take the place of the conversations (Posts, Accounts, Insights): one at a time.

const PAGES = ['posts', 'accounts', 'insights'];

/** Shows the named page over the conversations; null shows the conversations again. */
export function showOnly(name) {
  const workspace = document.getElementById('workspace');
  for (const page of PAGES) {
    workspace.classList.toggle(`showing-${page}`, page === name);
    document.getElementById(page).hidden = page !== name;
  }
}
