// dossier's own script, progressive: without it every chart mark is a
// link to its evidence row below the chart; with it a click shows that
// evidence beside the chart without leaving the page.
(function () {
  "use strict";
  function show(id, focus) {
    var row = document.getElementById("claim-" + id);
    var box = document.getElementById("evidence");
    if (!row || !box) return false;
    var shown = document.querySelectorAll("tr.shown");
    for (var i = 0; i < shown.length; i++) shown[i].classList.remove("shown");
    row.classList.add("shown");
    var tpl = row.querySelector("template.evidence");
    box.textContent = "";
    var h = document.createElement("h3");
    h.textContent = "Evidence";
    box.appendChild(h);
    if (tpl) box.appendChild(tpl.content.cloneNode(true));
    box.hidden = false;
    box.setAttribute("data-claim", id);
    if (focus) box.focus();
    return true;
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a.mark") : null;
    if (!a) return;
    var id = a.getAttribute("data-claim");
    if (id && show(id, false)) e.preventDefault();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") return;
    var a = e.target.closest ? e.target.closest("a.mark") : null;
    if (a && show(a.getAttribute("data-claim"), true)) e.preventDefault();
  });
})();
