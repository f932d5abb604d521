// The portal's own script: closing the reader returns to the home page.
document.getElementById('reader')?.addEventListener('article-reader:close', () => {
  location.href = 'portal.html';
});
