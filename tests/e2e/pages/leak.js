// leak.html: with ?widget, add a reader (the seed article, a search open)
// after the probe elements, and say when it is on screen.
if (new URLSearchParams(location.search).has('widget')) {
  await import('/article-reader.js');
  const reader = document.createElement('article-reader');
  reader.setAttribute('query', '干部');
  reader.addEventListener('article-reader:ready', () => { window.__ready = true; }, { once: true });
  document.getElementById('slot').append(reader);
} else {
  window.__ready = true;
}
