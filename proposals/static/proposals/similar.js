// Similar proposals as the proposer types the topic (K-6.1.1): progressive enhancement, no inline script.
(function () {
  "use strict";
  var form = document.querySelector("form[data-similar-url]");
  if (!form) return;
  var input = form.querySelector("input[name=title]");
  var box = document.getElementById("similar-proposals");
  if (!input || !box) return;
  var list = box.querySelector("ul");
  var timer = null;
  var last = "";
  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      var status = document.createElement("span");
      status.className = "muted";
      status.textContent = " " + item.status;
      li.appendChild(a);
      li.appendChild(status);
      list.appendChild(li);
    });
    box.hidden = items.length === 0;
  }
  function look() {
    var q = input.value.trim();
    if (q === last) return;
    last = q;
    if (q.length < 2) { show([]); return; }
    fetch(form.getAttribute("data-similar-url") + "?q=" + encodeURIComponent(q), {headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : {items: []}; })
      .then(function (data) { if (input.value.trim() === q) show(data.items || []); })
      .catch(function () {});
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(look, 250);
  });
})();
