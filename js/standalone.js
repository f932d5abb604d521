// The standalone page: closing the reader goes back when there is history.
import './article-reader.js';

document.addEventListener('article-reader:close', () => {
  if (history.length > 1) history.back();
});
