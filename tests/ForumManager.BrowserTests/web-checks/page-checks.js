// What the browser tour checks on every page, at every width, by measuring the page as laid out (PageTourTests).
// Evaluated by Playwright as a function; it returns one line per problem, each naming the element by a selector and
// its text, so that a failure can be fixed from the log alone.
() => {
  const problems = [];
  const root = document.documentElement;
  const viewport = root.clientWidth;

  const text = element => (element.innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const short = value => (value.length > 80 ? value.slice(0, 80) + '…' : value);

  // tag#id.class, with up to three ancestors, enough to find the element in the page's source.
  const selector = element => {
    const parts = [];
    for (let node = element; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
      let part = node.localName;
      if (node.id) {
        part += '#' + node.id;
      }
      const classes = typeof node.className === 'string' ? node.className.trim().split(/\s+/).filter(Boolean) : [];
      if (classes.length) {
        part += '.' + classes.join('.');
      }
      parts.unshift(part);
      if (node.id || node === document.body) {
        break;
      }
    }
    return parts.join(' > ');
  };

  const describe = element => `${selector(element)} "${short(text(element))}"`;

  // Text hidden for sighted readers on purpose (.visually-hidden and its kin): one pixel, clipped.
  const visuallyHidden = (element, style) =>
    element.clientWidth <= 1 || element.clientHeight <= 1 || (style.clip !== 'auto' && style.clip !== '') || style.clipPath.startsWith('inset(50%');

  // Horizontal scrolling of the page itself: name the outermost elements that stick out of the viewport, or whose
  // content (a long word, a preformatted line) runs out of them.
  if (root.scrollWidth > viewport + 1) {
    const culprits = [];
    // Only a scrolling or clipping box that contains the element's containing block holds it: an absolutely positioned
    // element escapes every box below its positioned ancestor, and a fixed one every box.
    const contained = element => {
      const position = getComputedStyle(element).position;
      if (position === 'fixed') {
        return false;
      }
      const first = position === 'absolute' ? element.offsetParent : element.parentElement;
      for (let ancestor = first; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(ancestor).overflowX)) {
          return true;
        }
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || contained(element)) {
        continue;
      }
      const contentRight = getComputedStyle(element).overflowX === 'visible' ? box.left + element.scrollWidth : box.right;
      const parentRight = element.parentElement ? element.parentElement.getBoundingClientRect().right : 0;
      if (box.right > viewport + 1 && parentRight <= viewport + 1) {
        culprits.push(`${describe(element)} reaches ${Math.round(box.right)}px`);
      } else if (box.right <= viewport + 1 && contentRight > viewport + 1) {
        culprits.push(`${describe(element)} holds content reaching ${Math.round(contentRight)}px`);
      }
    }
    problems.push(`the page scrolls sideways (${root.scrollWidth}px wide in a ${viewport}px viewport): ${culprits.slice(0, 5).join('; ') || 'no single element found'}`);
  }

  // Clipped text: an element that hides its overflow and has more content than room, unless its title carries the text.
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('svg') || !text(element)) {
      continue;
    }
    const style = getComputedStyle(element);
    const hidesX = ['hidden', 'clip'].includes(style.overflowX);
    const hidesY = ['hidden', 'clip'].includes(style.overflowY);
    if ((!hidesX && !hidesY) || style.display === 'none' || style.visibility === 'hidden' || visuallyHidden(element, style)) {
      continue;
    }
    const clippedX = hidesX && element.scrollWidth > element.clientWidth + 1;
    const clippedY = hidesY && element.scrollHeight > element.clientHeight + 1;
    if (!clippedX && !clippedY) {
      continue;
    }
    const title = element.getAttribute('title') ?? '';
    if (title && title.replace(/\s+/g, ' ').trim().includes(text(element).replace(/…$/, ''))) {
      continue;
    }
    problems.push(`text is cut off (${clippedX ? `${element.scrollWidth}px of content in ${element.clientWidth}px` : `${element.scrollHeight}px of content in ${element.clientHeight}px high`}): ${describe(element)}`);
  }

  // Charts: every word inside its drawing.
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) {
      continue;
    }
    for (const label of svg.querySelectorAll('text')) {
      const own = label.getBoundingClientRect();
      if (own.width === 0) {
        continue;
      }
      if (own.left < box.left - 0.5 || own.right > box.right + 0.5 || own.top < box.top - 0.5 || own.bottom > box.bottom + 0.5) {
        const chart = svg.getAttribute('aria-label') ?? svg.querySelector('title')?.textContent ?? selector(svg);
        problems.push(`chart text outside its box: "${short(label.textContent.trim())}" in ${selector(svg)} (${short(chart)}) at ${Math.round(own.left - box.left)},${Math.round(own.top - box.top)} `
          + `to ${Math.round(own.right - box.left)},${Math.round(own.bottom - box.top)} in ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
  }

  return problems;
}
