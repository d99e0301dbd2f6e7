// The report's inline stylesheet and script. No '<' or '&' in either: the page
// must stay well-formed XML, and the script text is written unescaped.
#include "audit/report/render.h"

namespace manaudit::report {

std::string_view report_css() {
    return R"CSS(
:root { --ok: #e3f3e6; --ok-fg: #17602c; --missing: #fbe0df; --missing-fg: #9b1c1c;
        --differs: #fff0d0; --differs-fg: #7a4a00; --other: #e2eafc; --other-fg: #1d479e;
        --na: #f3f3f3; --na-fg: #666; --line: #c9c9c9; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1rem 2rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.35rem; margin: .8rem 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid var(--line); }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; margin: .3rem 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
nav a { margin-right: 1rem; }
/* Sections below the first screen are laid out when scrolled to: the page
   opens fast however long its tables. Their tables scroll in a box of their
   own, so the sticky head row and first column stay in view. */
#syscalls, #constants, #layouts, #kernels, #findings { content-visibility: auto; contain-intrinsic-size: auto 1500px; }
div.scroll { max-height: 85vh; overflow: auto; border: 1px solid var(--line); }
div.scroll table { border-top: 0; }
div.side-by-side { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
p.legend span { margin-right: 1rem; padding: 0 .3rem; border-radius: 3px; }
table { border-collapse: separate; border-spacing: 0; font-size: 12px; }
th, td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 2px 5px; }
thead th { position: sticky; top: 0; z-index: 2; background: #f2f2f2; vertical-align: bottom; }
thead th.abi { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; padding: 5px 2px; }
tbody th { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; white-space: nowrap;
           font-weight: normal; font-family: ui-monospace, monospace; }
thead th:first-child { left: 0; z-index: 3; }
table.sortable thead th { cursor: pointer; }
td { white-space: nowrap; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.wrap { white-space: normal; max-width: 17rem; }
td.cell { text-align: center; padding: 1px 2px; line-height: 1.1; }
td.cell .sym { display: block; font-size: 13px; }
td.cell .word { display: block; font-size: 9px; }
td.cell summary { list-style: none; }
td.cell summary::-webkit-details-marker { display: none; }
td.cell details[open] { text-align: left; }
td.cell summary .word { text-decoration: underline dotted; }
.s-ok { background: var(--ok); color: var(--ok-fg); }
.s-missing { background: var(--missing); color: var(--missing-fg); font-weight: 600; }
.s-differs { background: var(--differs); color: var(--differs-fg); font-weight: 600; }
.s-other { background: var(--other); color: var(--other-fg); }
.s-na { background: var(--na); color: var(--na-fg); }
details summary { cursor: pointer; }
details ul { margin: .2rem 0; padding-left: 1rem; white-space: normal; min-width: 22rem; font-weight: normal; color: #1b1b1b; }
details p { margin: .2rem 0; white-space: normal; min-width: 16rem; font-weight: normal; color: #1b1b1b; }
table.gaps-only tbody tr.same { display: none; }
ol.findings li { margin: .35rem 0; }
ol.findings code { font-family: ui-monospace, monospace; }
.evidence td { font-family: ui-monospace, monospace; }
input[type=search] { margin: .2rem 0 .4rem; padding: 2px 4px; min-width: 16rem; }
label.toggle { margin-left: 1rem; }
footer { margin-top: 2rem; color: #555; font-size: 12px; }
@media print {
  body { margin: 0; font-size: 10px; }
  thead th, tbody th { position: static; }
  div.scroll { max-height: none; overflow: visible; border: 0; }
  nav, input, label.toggle { display: none; }
  table { font-size: 8px; }
  section { break-inside: auto; }
  tr { break-inside: avoid; }
}
)CSS";
}

std::string_view report_script() {
    return R"JS(
(function () {
  'use strict';
  function bodyRows(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    if (!table) { return; }
    input.hidden = false;
    input.addEventListener('input', function () {
      var query = input.value.trim().toLowerCase();
      bodyRows(table).forEach(function (row) {
        row.hidden = query === '' ? false : row.textContent.toLowerCase().indexOf(query) === -1;
      });
    });
  });
  document.querySelectorAll('input[data-gaps]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-gaps'));
    if (!table) { return; }
    box.parentNode.hidden = false;
    box.addEventListener('change', function () { table.classList.toggle('gaps-only', box.checked); });
  });
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.tHead.rows[0].querySelectorAll('th').forEach(function (th) {
      var direction = 1;
      th.title = (th.title ? th.title + ' \u2014 ' : '') + 'click to sort';
      th.addEventListener('click', function () {
        var column = th.cellIndex;
        var rows = bodyRows(table);
        rows.sort(function (a, b) {
          var x = a.cells[column] ? a.cells[column].textContent : '';
          var y = b.cells[column] ? b.cells[column].textContent : '';
          return direction * x.localeCompare(y, undefined, { numeric: true });
        });
        direction = -direction;
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
  });
})();
)JS";
}

}  // namespace manaudit::report
