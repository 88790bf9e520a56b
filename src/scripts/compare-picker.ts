/**
 * The picker on a notice page: shows the form (hidden without JavaScript, when the page offers
 * the links to the static compare pages instead). A pair with a static page goes there; any other
 * goes to /compare/?a=…&b=…, which compares the two in the browser.
 */
export function init(form: HTMLFormElement): void {
  const select = form.querySelector<HTMLSelectElement>("select[name=b]");
  if (!select) return;
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    const page = select.selectedOptions[0]?.dataset.static;
    if (page) {
      event.preventDefault();
      location.assign(page);
    }
  });
}
