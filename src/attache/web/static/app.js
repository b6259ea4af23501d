// Clicking a figure opens its evidence (each source's sentence) in place; without
// JavaScript the same link opens the figure's own page.
"use strict";
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.figure-link");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const row = document.getElementById("evidence-" + link.dataset.claim);
  if (!row) return;
  event.preventDefault();
  row.hidden = !row.hidden;
  link.setAttribute("aria-expanded", String(!row.hidden));
});
