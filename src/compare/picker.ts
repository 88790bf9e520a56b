/**
 * The picker on a notice page: shows the form (hidden without JavaScript, when the page offers
 * the links to the static compare pages instead). The page carries one year's notices; choosing
 * another year fetches that year's list (/compare/years/{year}.json). A pair with a static page
 * goes there; any other goes to /compare/?a=…&b=…, which compares the two in the browser.
 */
interface YearList {
  year: number;
  notices: { id: string; label: string }[];
}

export function init(form: HTMLFormElement): void {
  const select = form.querySelector<HTMLSelectElement>("select[name=b]");
  const yearSelect = form.querySelector<HTMLSelectElement>("[data-compare-year]");
  if (!select || !yearSelect) return;
  const self = form.querySelector<HTMLInputElement>("input[name=a]")?.value;
  // This notice's static comparisons, from the links above the form.
  const staticPages = new Map(
    [...document.querySelectorAll<HTMLAnchorElement>(".compare-picker a[data-compare-with]")].map((a) => [
      a.dataset.compareWith!,
      a.href,
    ]),
  );
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const cache = new Map<string, YearList>();

  // The listener catches every error itself: the promise it returns has nothing to report.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  yearSelect.addEventListener("change", async () => {
    const year = yearSelect.value;
    select.disabled = true;
    if (button) button.disabled = true;
    try {
      let list = cache.get(year);
      if (!list) {
        const response = await fetch(`${form.dataset.years}${year}.json`);
        if (!response.ok) throw new Error(`${response.status}`);
        list = (await response.json()) as YearList;
        cache.set(year, list);
      }
      if (yearSelect.value !== year) return; // another year was chosen meanwhile
      select.replaceChildren(
        ...list.notices
          .filter((n) => n.id !== self)
          .map((n) => {
            const option = document.createElement("option");
            option.value = n.id;
            option.textContent = n.label;
            return option;
          }),
      );
    } catch {
      select.replaceChildren(new Option(`未能载入${year}年的通知列表`, ""));
    } finally {
      select.disabled = false;
      if (button) button.disabled = select.value === "";
    }
  });

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    if (!select.value) {
      event.preventDefault();
      return;
    }
    const page = staticPages.get(select.value);
    if (page) {
      event.preventDefault();
      location.assign(page);
    }
  });
}
