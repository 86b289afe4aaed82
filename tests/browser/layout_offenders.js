// The layout check of tests/browser/test_layout.py, run in the page with one evaluate().
// Takes the CSS selector of the boxes that must hold their text; returns the offenders
// as {problem, selector, text}.
boxSelector => {
  const tolerance = 1;
  const width = document.documentElement.clientWidth;
  const found = [];
  const describe = element => {
    const parts = [];
    for (let node = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.localName;
      if (node.id) part += "#" + node.id;
      const classes = [...node.classList].slice(0, 2);
      if (classes.length) part += "." + classes.join(".");
      parts.unshift(part);
      if (node.id) break;
    }
    return parts.join(" > ");
  };
  const excerpt = text => text.replace(/\s+/g, " ").trim().slice(0, 60);
  const report = (problem, element, text) =>
    found.push({problem, selector: describe(element), text: excerpt(text || element.textContent)});

  if (document.documentElement.scrollWidth > window.innerWidth) {
    found.push({problem: `page scrolls sideways (${document.documentElement.scrollWidth} px wide)`,
      selector: "html", text: ""});
  }

  const clips = style => style.overflowX !== "visible" || style.overflowY !== "visible";
  // Visually hidden text (for screen readers) is clipped to nothing: not seen, not judged.
  const clipped = [...document.body.querySelectorAll("*")].filter(element => {
    const style = getComputedStyle(element);
    return style.clip !== "auto" || style.clipPath !== "none";
  });
  const hiddenText = element =>
    !element.checkVisibility({visibilityProperty: true, opacityProperty: true})
    || clipped.some(hider => hider.contains(element));

  // The region a text node is seen in: the nearest clipping ancestor's box, if any.
  const clipBox = (element, stop) => {
    for (let node = element; node && node !== stop; node = node.parentElement) {
      if (clips(getComputedStyle(node))) return node.getBoundingClientRect();
    }
    return null;
  };
  const within = (inner, outer) =>
    inner.left >= outer.left - tolerance && inner.right <= outer.right + tolerance;

  // Text outside its box, or outside the screen.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const seen = new Set();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (!text.data.trim() || !parent || hiddenText(parent)) continue;
    if (parent.closest("script, style, template, noscript, select, option")) continue;
    range.selectNodeContents(text);
    const rects = [...range.getClientRects()].filter(rect => rect.width > 0 && rect.height > 0);
    if (!rects.length) continue;
    const box = parent.closest(boxSelector);
    const clip = clipBox(parent, box ? box.parentElement : null);
    for (const rect of rects) {
      // Clipped text is judged by its clipping box (checked as an element below).
      const shown = clip ? {left: Math.max(rect.left, clip.left), right: Math.min(rect.right, clip.right)} : rect;
      if (shown.right - shown.left <= 0) continue;
      if (box && !within(shown, box.getBoundingClientRect()) && !seen.has(parent)) {
        seen.add(parent);
        report(`text outside its box ${describe(box)}`, parent, text.data);
      }
      if (!within(shown, {left: 0, right: width}) && !seen.has(parent)) {
        seen.add(parent);
        report("text outside the screen", parent, text.data);
      }
    }
  }

  // Blocks whose content is wider than they are: spilled out, or a sideways scroll box.
  for (const element of document.body.querySelectorAll("*")) {
    if (element.clientWidth === 0 || element.scrollWidth <= element.clientWidth + tolerance) continue;
    if (element.matches("select, textarea, input") || hiddenText(element)) continue;
    const style = getComputedStyle(element);
    if (style.overflowX === "visible") {
      report(`content wider than its block (${element.scrollWidth} > ${element.clientWidth} px)`, element);
    } else if (style.overflowX === "auto" || style.overflowX === "scroll") {
      report(`scrolls sideways (${element.scrollWidth} > ${element.clientWidth} px)`, element);
    } else if (element.clientWidth > 1) {
      report(`content cut off (${element.scrollWidth} > ${element.clientWidth} px)`, element);
    }
  }
  return found;
}
