/* Language tabs in the admin: mark the tabs whose translation is missing, and
   give the rich-text editor the language and writing direction of its tab.
   Loaded by miso_site.admin.TranslatedAdmin after modeltranslation's tabs. */
(function () {
  "use strict";

  function isEmpty(field) {
    return !field || !field.value || !field.value.trim();
  }

  // Show or remove the mark "(missing)" or "(outdated)" after a tab's link.
  function setMark(link, kind, label) {
    var item = link.parentElement;
    var mark = link.querySelector(".mt-mark");
    ["missing", "outdated"].forEach(function (name) {
      item.classList.toggle("mt-" + name, name === kind);
    });
    if (!kind) {
      if (mark) {
        mark.remove();
      }
      return;
    }
    if (!mark) {
      mark = document.createElement("span");
      link.appendChild(mark);
    }
    mark.className = "mt-mark mt-" + kind + "-mark";
    mark.textContent = " (" + label + ")";
  }

  // The language tabs of one translated field: a list of links and their panels.
  // A translation is missing when German has text and it has none; it stays
  // outdated (as the server found it) until its text is edited.
  function markTabs(tabs) {
    var links = tabs.querySelectorAll(":scope > ul a[href^='#']");
    var german = tabs.querySelector(".mt-default");
    links.forEach(function (link) {
      var panel = tabs.querySelector(link.getAttribute("href"));
      var field = panel && panel.querySelector(".mt");
      if (!field || field === german) {
        return;
      }
      if (!isEmpty(german) && isEmpty(field)) {
        setMark(link, "missing", field.dataset.missingLabel);
      } else if (field.dataset.outdatedLabel && field.value === field.defaultValue) {
        setMark(link, "outdated", field.dataset.outdatedLabel);
      } else {
        setMark(link, null);
      }
    });
  }

  function tabsOf(field) {
    var panel = field.closest("[id^='tab_']");
    return panel && panel.parentElement;
  }

  function markAll() {
    var seen = new Set();
    document.querySelectorAll(".mt").forEach(function (field) {
      var tabs = tabsOf(field);
      if (tabs && !seen.has(tabs)) {
        seen.add(tabs);
        markTabs(tabs);
      }
    });
  }

  document.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("mt")) {
      var tabs = tabsOf(event.target);
      if (tabs) {
        markTabs(tabs);
      }
    }
  });

  // The prose editor builds its own editing area beside the textarea.
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var wrapper = textarea.closest(".prose-editor");
    ["lang", "dir"].forEach(function (name) {
      if (wrapper && textarea.hasAttribute(name)) {
        wrapper.setAttribute(name, textarea.getAttribute(name));
      }
    });
  });

  // Runs after modeltranslation has built the tabs (its ready handler came first).
  var jQuery = window.django && window.django.jQuery;
  if (jQuery) {
    jQuery(markAll);
  }
})();
