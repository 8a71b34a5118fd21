// pyconc report: the filters (module, status, implementation). Plain ES5, no library, no network.
(function () {
  'use strict';
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function checked(form, name) {
    return all('input[name="' + name + '"]:checked', form).map(function (i) { return i.value; });
  }
  function apply(form) {
    var modules = checked(form, 'module');
    var statuses = checked(form, 'status');
    var impls = checked(form, 'impl');
    // Implementation columns (matrix) and rows (summary).
    all('#matrix [data-impl], #summary tr[data-impl]').forEach(function (el) {
      el.classList.toggle('off', impls.indexOf(el.getAttribute('data-impl')) < 0);
    });
    var shown = 0;
    var rows = all('#matrix tr.behaviour');
    rows.forEach(function (tr) {
      var inModule = modules.indexOf(tr.getAttribute('data-module')) >= 0;
      var hasStatus = all('td.cell', tr).some(function (td) {
        return !td.classList.contains('off') && statuses.indexOf(td.getAttribute('data-status')) >= 0;
      });
      var visible = inModule && hasStatus;
      tr.classList.toggle('off', !visible);
      if (visible) { shown++; }
    });
    // Module and API headings without a visible behaviour go too.
    all('#matrix tbody').forEach(function (tbody) {
      var anyInModule = false;
      all('tr', tbody).forEach(function (tr) {
        if (!tr.classList.contains('api')) { return; }
        var anyInApi = false;
        for (var n = tr.nextElementSibling; n && n.classList.contains('behaviour'); n = n.nextElementSibling) {
          if (!n.classList.contains('off')) { anyInApi = true; }
        }
        tr.classList.toggle('off', !anyInApi);
        anyInModule = anyInModule || anyInApi;
      });
      all('tr.module', tbody).forEach(function (tr) { tr.classList.toggle('off', !anyInModule); });
    });
    var out = document.getElementById('shown');
    if (out) { out.textContent = shown + ' of ' + rows.length + ' behaviours shown'; }
  }
  var form = document.getElementById('filters');
  if (form) {
    form.addEventListener('change', function () { apply(form); });
    apply(form);
  }
  document.body.setAttribute('data-ready', 'true');
}());
