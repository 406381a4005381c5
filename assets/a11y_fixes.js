/* Dash 4's dcc.Dropdown and dcc.Slider, made whole for assistive technology (Lighthouse
   accessibility). Dropdowns:
   - its keyboard "focus target" is focusable yet aria-hidden: it only hands focus on to the
     dropdown's button, so it gets the button's name instead of being hidden;
   - the button is named by its count and its values in the opposite order to how they show,
     so the name does not contain the visible text: it is named by its label, then its
     values and count as they are seen.
   Sliders: their handles (role="slider") have no name; they take the one of their label
   (<label for="slider id">) or, failing that, the title of the group they stand in.
   Uploads: dcc.Upload's hidden file input is named by the upload area's own visible text. */
(function () {
  "use strict";
  var counter = 0;
  function labelId(button) {
    var label = document.querySelector('label[for="' + CSS.escape(button.id) + '"]');
    if (!label) return null;
    if (!label.id) label.id = "dropdown-label-" + (++counter);
    return label.id;
  }
  function fix(wrapper) {
    var button = wrapper.querySelector("button.dash-dropdown");
    if (!button || !button.id) return;
    var parts = [labelId(button), button.id + "-value", button.id + "-value-count"].filter(function (id) {
      return id && document.getElementById(id);
    });
    var wanted = parts.join(" ");
    if (wanted && button.getAttribute("aria-labelledby") !== wanted) {
      button.setAttribute("aria-labelledby", wanted);
    }
    var target = wrapper.querySelector("input.dash-dropdown-focus-target");
    if (target) {
      if (target.hasAttribute("aria-hidden")) target.removeAttribute("aria-hidden");
      if (wanted && target.getAttribute("aria-labelledby") !== wanted) {
        target.setAttribute("aria-labelledby", wanted);
      }
    }
  }
  /* The label of a slider: <label for=...> of its container, else the label just before the
     container, as the filter panels place it. */
  function sliderLabel(container) {
    var label = container.id ? document.querySelector('label[for="' + CSS.escape(container.id) + '"]') : null;
    if (!label && container.previousElementSibling && container.previousElementSibling.tagName === "LABEL") {
      label = container.previousElementSibling;
    }
    if (label && !label.id) label.id = "slider-label-" + (++counter);
    return label;
  }
  /* A range slider's two handles come named "Minimum" and "Maximum" in English (Radix's
     default): they get the page's words instead, after the slider's own label. */
  function renameRangeHandle(control) {
    var given = control.getAttribute("aria-label");
    if (given !== "Minimum" && given !== "Maximum") return false;
    var texts = document.getElementById("maplibre-texts");
    var word = texts && texts.dataset[given === "Minimum" ? "rangeFrom" : "rangeTo"];
    if (!word) return false;
    var container = control.closest(".dash-slider-container, .dash-slider-wrapper, [id]");
    var label = container && sliderLabel(container);
    control.setAttribute("aria-label", (label ? label.textContent.trim() + ": " : "") + word);
    return true;
  }
  function nameSlider(control) {
    if (renameRangeHandle(control)) return;
    if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby")) return;
    if (control.labels && control.labels.length) return;
    var container = control.closest(".dash-slider-container, .dash-slider-wrapper, [id]");
    var label = container && sliderLabel(container);
    if (label) {
      control.setAttribute("aria-labelledby", label.id);
      return;
    }
    var titled = control.closest("[title]");
    if (titled) control.setAttribute("aria-label", titled.getAttribute("title"));
  }
  function nameUpload(input) {
    if (input.labels && input.labels.length) return;
    if (input.hasAttribute("aria-label") || input.hasAttribute("aria-labelledby")) return;
    var area = input.parentElement;
    var text = area ? area.textContent.trim() : "";
    if (text) input.setAttribute("aria-label", text);
  }
  var pending = false;
  function run() {
    pending = false;
    document.querySelectorAll(".dash-dropdown-wrapper").forEach(fix);
    document.querySelectorAll('[role="slider"], input.dash-range-slider-input').forEach(nameSlider);
    document.querySelectorAll('input[type="file"]').forEach(nameUpload);
  }
  new MutationObserver(function () {
    if (!pending) { pending = true; requestAnimationFrame(run); }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-hidden", "aria-labelledby"]
  });
})();
